using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Pdf;
using UglyToad.PdfPig;

namespace ProcurementPortal.UnitTests.Pdf;

public sealed class PdfRegistrationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPortalPdf(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Renderer_is_one_per_process_and_finds_the_debian_fonts_by_default()
    {
        using var services = Services([]);

        var renderer = services.GetRequiredService<PdfRenderer>();

        Assert.Same(renderer, services.GetRequiredService<PdfRenderer>());
        using var pdf = PdfDocument.Open(renderer.Render(SampleDocuments.LongTable(2)));
        Assert.Contains("Lot 002", pdf.GetPage(1).Text);
    }

    [Fact]
    public void Font_directory_comes_from_configuration()
    {
        using var services = Services(new() { ["Pdf:FontDirectory"] = "/srv/portal/fonts" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<PdfRenderer>().Render(SampleDocuments.LongTable(1)));

        Assert.Contains("/srv/portal/fonts/DejaVuSans.ttf", error.Message);
    }
}
