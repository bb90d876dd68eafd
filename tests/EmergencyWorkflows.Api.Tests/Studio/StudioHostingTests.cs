using System.Net;
using System.Net.Http.Headers;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Studio;

/// <summary>Elsa Studio served under /studio: our host pages and the package's files, byte-identical (they are SRI-checked).</summary>
[Collection(SharedHostCollection.Name)]
public class StudioHostingTests(SharedHost host)
{
    private static readonly string Package = Path.Combine(
        TestPaths.RepositoryRoot, "src", "EmergencyWorkflows.Api", "Studio", "node_modules", "@elsa-workflows", "elsa-studio-wasm");

    [Fact]
    public async Task ListPage_UsesRegisteredTagWithRemoteEndpointAndNoExternalFonts()
    {
        using var response = await host.Client.GetAsync("/studio/");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<elsa-workflow-definition-list remote-endpoint=\"http://localhost/elsa/api\"");
        html.Should().Contain("<base href=\"/studio/\"/>").And.Contain("_framework/blazor.webassembly.js");
        html.Should().NotContain("fonts.googleapis").And.NotContain("https://");
    }

    [Fact]
    public async Task EditorPage_NamesTheDefinitionEncoded()
    {
        var html = await host.Client.GetStringAsync("/studio/definitions/personnel-safety%22%3E");

        html.Should().Contain("<elsa-workflow-definition-editor definition-id=\"personnel-safety&quot;&gt;\" remote-endpoint=\"http://localhost/elsa/api\"");
    }

    [Fact]
    public async Task FrameworkScript_WithoutBrotli_IsServedRawAsJavaScript()
    {
        using var response = await host.Client.GetAsync("/studio/_framework/dotnet.js");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        bytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(Package, "_framework", "dotnet.js")));
    }

    [Fact]
    public async Task FrameworkScript_WithBrotli_ServesTheBrSiblingWithOriginalType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/studio/_framework/dotnet.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await host.Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("br");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        bytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(Package, "_framework", "dotnet.js.br")));
    }

    [Fact]
    public async Task IcuData_DatFile_IsServedByteIdentical()
    {
        var dat = Directory.EnumerateFiles(Path.Combine(Package, "_framework"), "icudt*.dat").First();

        using var response = await host.Client.GetAsync("/studio/_framework/" + Path.GetFileName(dat));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/octet-stream");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(dat));
    }

    [Fact]
    public async Task Wasm_IsServedAsApplicationWasm()
    {
        var wasm = Directory.EnumerateFiles(Path.Combine(Package, "_framework"), "*.wasm").First();

        using var response = await host.Client.GetAsync("/studio/_framework/" + Path.GetFileName(wasm));

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/wasm");
    }

    [Theory]
    [InlineData("/studio/_framework/no-such-file.js")]
    [InlineData("/studio/..%2F..%2Fpackage.json")]
    [InlineData("/studio/_framework/..%2F..%2F..%2Fpackage-lock.json")]
    public async Task UnknownOrEscapingPath_Answers404Problem(string path)
    {
        using var response = await host.Client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
