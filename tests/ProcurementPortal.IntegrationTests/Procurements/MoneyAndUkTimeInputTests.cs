using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.IntegrationTests.Procurements;

/// <summary>How the procurement pages read and write money and UK times (no database needed).</summary>
public sealed class MoneyAndUkTimeInputTests
{
    [Theory]
    [InlineData(1_234_567.891, "£1,234,567.89")]
    [InlineData(-1_493_062, "\u2212£1,493,062.00")]
    [InlineData(0, "£0.00")]
    public void Money_is_shown_in_pounds_and_pence_with_a_true_minus_sign(double amount, string shown) =>
        Assert.Equal(shown, Money.Format((decimal)amount));

    [Fact]
    public void A_negative_headroom_or_saving_is_said_in_words_not_by_colour()
    {
        Assert.Equal("\u2212£250.00 over budget", ProcurementDisplay.Headroom(-250m));
        Assert.Equal("£250.00 within budget", ProcurementDisplay.Headroom(250m));
        Assert.Equal("\u2212£10.00: the new fee structure costs £10.00 a year more than today", ProcurementDisplay.Saving(-10m));
    }

    [Theory]
    [InlineData("£1,250,000.50", 1_250_000.50)]
    [InlineData(" 14.5 ", 14.5)]
    public void Money_is_read_as_people_type_it(string typed, double expected)
    {
        Assert.True(Money.TryParse(typed, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("12:00", 12, 0)]
    [InlineData("17.30", 17, 30)]
    [InlineData("5:30pm", 17, 30)]
    [InlineData("9am", 9, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("midday", 12, 0)]
    public void Times_are_read_in_24_or_12_hour_form(string typed, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), UkDateTimeInput.ParseTime(typed));

    [Theory]
    [InlineData("9")]
    [InlineData("25:00")]
    [InlineData("13pm")]
    public void A_time_that_could_mean_two_things_or_none_is_refused(string typed) =>
        Assert.Null(UkDateTimeInput.ParseTime(typed));

    [Fact]
    public void A_date_with_a_missing_part_names_the_part()
    {
        var errors = new Errors();

        var value = new UkDateTimeInput { Day = "9", Year = "2031", Time = "12:00" }.Read(errors, "SubmissionDeadline", "submission deadline");

        Assert.Null(value);
        Assert.Equal(["The submission deadline must include a month"], errors.ToDictionary()["SubmissionDeadline"]);
    }

    [Fact]
    public void The_hour_after_midnight_on_the_autumn_clock_change_is_read_as_the_first_one_in_BST()
    {
        var errors = new Errors();

        var value = new UkDateTimeInput { Day = "26", Month = "10", Year = "2031", Time = "01:30" }.Read(errors, "X", "deadline");

        Assert.Equal(new DateTimeOffset(2031, 10, 26, 0, 30, 0, TimeSpan.Zero), value);
        Assert.Equal("1:30am on 26 October 2031 (BST)", UkTime.FormatDeadline(value!.Value.UtcDateTime));
    }
}
