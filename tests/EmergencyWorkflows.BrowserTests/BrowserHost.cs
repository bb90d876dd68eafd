using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>
/// The real service on a real Kestrel port (the browser needs a socket), on a fresh SQLite file and a copy of the
/// repository's workflows/, plus Debian's Chromium driven by Playwright. Screenshots go to the test output's
/// <c>artifacts/screenshots</c>.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A development team lead from the root appsettings.json: only leads and admins may edit plans.</summary>
    public const string EditorUser = "lead";
    public const string EditorPassword = "lead-dev";

    /// <summary>How long a page may take to arrive after a click that navigates (a loaded 2-core CI machine).</summary>
    public static readonly TimeSpan NavigationDeadline = TimeSpan.FromSeconds(45);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ew-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> settings;
    private IPlaywright? playwright;

    public BrowserHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A host with extra settings (e.g. a short response SLA), for a test collection of its own.</summary>
    internal BrowserHost(IReadOnlyDictionary<string, string?> settings) => this.settings = settings;

    public Factory Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var workflows = Path.Combine(folder, "workflows");
        Directory.CreateDirectory(workflows);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(workflows, Path.GetFileName(file)));
        }

        Service = new Factory(folder, workflows, settings);
        Service.UseKestrel(0);
        Service.StartServer();
        BaseAddress = Service.ClientOptions.BaseAddress;
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(Api, EditorUser, EditorPassword));

        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Api?.Dispose();
        await Service.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Signs a browser context in with the same-origin cookie the Studio's API calls carry.</summary>
    public async Task SignInAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.APIRequest.PostAsync(new Uri(BaseAddress, "/api/auth/login").ToString(),
            new() { DataObject = new { userName = EditorUser, password = EditorPassword } });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"Sign-in as {EditorUser} failed: {response.Status} {await response.TextAsync()}");
        }
    }

    /// <summary>
    /// A new browser context (phone-sized when <paramref name="phone"/>) in <paramref name="locale"/>, signed in as a
    /// development user (password "&lt;name&gt;-dev") through the real sign-in page, as a person would.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string userName, string locale = "en-US", bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(userName + "-dev");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await ArrivedAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Waits until the page has navigated to a URL that <paramref name="arrived"/> accepts and its <c>main</c> element
    /// is in the document. Not <c>IPage.WaitForURLAsync</c>: when the URL already matched, that waits for a "load"
    /// event tracked on the client side, and in CI it once missed the event (30 s timeout with "networkidle" already
    /// fired after "load"). Both waits here run in the browser driver and poll, so an early event cannot be missed.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Func<string, bool> arrived)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(arrived);
        await UntilAsync(() => Task.FromResult(page.Url), arrived, NavigationDeadline, "the page navigates where expected");
        await page.Locator("main").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = (float)NavigationDeadline.TotalMilliseconds });
    }

    /// <summary>
    /// Probes until <paramref name="settled"/> holds (background work: workflow steps, outbox), at most
    /// <paramref name="deadline"/>; returns the last value, or throws saying what did not happen and what was seen.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> settled, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(settled);
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var value = await probe();
            if (settled(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"Not within {deadline}: {what}. Last seen: {value}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/<paramref name="name"/>.png (kept as a test artifact).</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>An API client with a bearer token for a development user (password "&lt;name&gt;-dev").</summary>
    public async Task<HttpClient> ClientAsAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(client, userName, userName + "-dev"));
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient api, string userName, string password)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return (string?)body?["accessToken"] ?? throw new InvalidOperationException("The token response has no accessToken.");
    }

    /// <summary>How many activities the root flowchart of <c>workflows/{definitionId}.json</c> holds.</summary>
    public static int WorkflowActivityCount(string definitionId)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", definitionId + ".json")))!;
        var root = json["root"] ?? json;
        return root["activities"]!.AsArray().Count;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed class Factory(string dataFolder, string workflowsFolder, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
            builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(dataFolder, "workflows.db")}");
            builder.UseSetting("EmergencyWorkflows:WorkflowsPath", workflowsFolder);
            builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(dataFolder, "logs", "emergency-workflows-.json"));
            builder.UseSetting("Hangfire:Storage", "InMemory");
            builder.UseSetting("Hangfire:ShutdownTimeout", "00:00:00.500");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
