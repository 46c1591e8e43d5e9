using System.Text;
using ProcurementPortal.Core.Identity;

namespace ProcurementPortal.UnitTests.Identity;

public sealed class Base32Tests
{
    /// <summary>RFC 4648 section 10 test vectors.</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    public void Decodes_the_rfc_4648_test_vectors(string encoded, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(Base32.Decode(encoded)));
    }

    [Fact]
    public void Decodes_a_key_as_people_type_it_in_lower_case_groups_without_padding()
    {
        Assert.Equal("foobar", Encoding.ASCII.GetString(Base32.Decode("mzxw 6ytb oi")));
    }

    [Theory]
    [InlineData("MZXW1YTB")] // 1 is not in the alphabet (it would be confused with I and L)
    [InlineData("MZXW8YTB")]
    [InlineData("MZ-XW6")]
    public void Refuses_a_character_outside_the_base32_alphabet(string encoded)
    {
        Assert.Throws<FormatException>(() => Base32.Decode(encoded));
    }
}
