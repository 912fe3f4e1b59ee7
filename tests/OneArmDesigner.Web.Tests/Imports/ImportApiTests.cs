using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Imports;

/// <summary>POST /api/imports: configurations as form files in, a new design and the report out, or 400 with every reason.</summary>
public sealed class ImportApiTests : IClassFixture<RunningAppFixture>, IDisposable
{
    private static readonly string Guide = Path.Combine(RepositoryPaths.Root, "tests", "OneArmDesigner.Import.Tests", "Configurations", "guide");

    private readonly HttpClient _http;

    public ImportApiTests(RunningAppFixture app) => _http = app.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private static MultipartFormDataContent Form(params (string Field, string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, field, name);
        }

        return form;
    }

    private static (string, string, byte[]) GuideFile(string field, string name) => (field, name, File.ReadAllBytes(Path.Combine(Guide, name)));

    [Fact]
    public async Task Importing_the_guides_configurations_creates_a_design_and_returns_its_links_and_the_report()
    {
        using var form = Form(GuideFile("asa", "asa-broken.cfg"), GuideFile("meraki", "meraki-broken.json"));
        form.Add(new StringContent("Branch B"), "name");

        var response = await _http.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("Branch B", root.GetProperty("name").GetString());
        Assert.Contains("asa-broken.cfg", root.GetProperty("report").GetProperty("files")[0].GetProperty("file").GetString());
        Assert.Equal("ignored", root.GetProperty("report").GetProperty("lines")[0].GetProperty("disposition").GetString());
        var design = DesignDocument.Load(await _http.GetStringAsync($"/api/designs/{root.GetProperty("editToken").GetString()}")).Design!;
        Assert.NotNull(design.FindDevice("MX80-B"));
        Assert.NotNull(design.FindDevice("Host 192.168.1.0/24"));
    }

    [Fact]
    public async Task Another_vendors_configuration_is_a_400_problem_naming_the_file_and_the_vendor()
    {
        using var form = Form(("asa", "srx.conf", Encoding.UTF8.GetBytes("set system host-name srx1\nset interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24\n")));

        var response = await _http.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems");
        Assert.StartsWith("srx.conf: looks like a Juniper Junos configuration", problems[0].GetString());
    }

    [Fact]
    public async Task A_file_over_five_megabytes_is_a_400_problem_and_nothing_is_created()
    {
        using var form = Form(("asa", "huge.cfg", new byte[(5 * 1024 * 1024) + 10]));

        var response = await _http.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems");
        Assert.Equal("huge.cfg: the file is over 5 MB; a configuration may be at most 5 MB", problems[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_a_400_that_says_how_to_send_it()
    {
        var response = await _http.PostAsync("/api/imports", new StringContent("hostname asa", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", await response.Content.ReadAsStringAsync());
    }
}
