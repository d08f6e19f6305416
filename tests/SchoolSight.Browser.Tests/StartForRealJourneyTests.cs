using System.CommandLine;
using Microsoft.Playwright;
using SchoolSight.Cli;
using SchoolSight.Core.Data;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Browser.Tests;

/// <summary>
/// The README's "Start for real", command by command, on an empty database: migrate, add the first administrator
/// (password from a file), import the LA's whole GIAS file with its localities, import the published KS2 and KS4
/// files, compute; then the web app over that database, without demo data, where the administrator signs in and
/// sees the LA's schools and its figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StartForRealJourneyTests(BrowserSession session)
{
    private const string Email = "it.lead@hants.example";
    private const string Password = "Hampshire-first-admin-7";

    [Fact]
    public async Task AnLa_StartsFromAnEmptyDatabase_WithTheReadmesCommands_AndItsAdministratorSeesItsSchools()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var folder = Directory.CreateTempSubdirectory("schoolsight-start-");
        try
        {
            var gias = Path.Combine(folder.FullName, "edubasealldata20220420.csv");
            var whole = WholeLaGiasFile.Build(850);
            await File.WriteAllBytesAsync(gias, whole.ToBytes());
            var passwordFile = Path.Combine(folder.FullName, "first-password.txt");
            await File.WriteAllTextAsync(passwordFile, Password + "\n");

            (await SchoolsightAsync(database, "db", "migrate")).ShouldBe(ExitCodes.Ok);
            (await SchoolsightAsync(database, "users", "add", "--email", Email, "--name", "Sam Lead", "--role", "LaAdministrator", "--password-file", passwordFile)).ShouldBe(ExitCodes.Ok);
            (await SchoolsightAsync(database, "import", "gias", gias, "--la", "850", "--locality-column", "DistrictAdministrative (name)")).ShouldBe(ExitCodes.Ok);
            (await SchoolsightAsync(database, "import", "ks2", SharedData.Ks2Hampshire(2018), "--year", "2018/19")).ShouldBe(ExitCodes.Ok);
            (await SchoolsightAsync(database, "import", "ks4", SharedData.Ks4Hampshire(2017), "--year", "2017/18")).ShouldBe(ExitCodes.Ok);
            (await SchoolsightAsync(database, "compute")).ShouldBe(ExitCodes.Ok);

            await using var app = await SchoolSightWebFactory.WithoutDemoAsync(database);
            var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ServerAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("Email address").FillAsync(Email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Hampshire");

            await page.GotoAsync("/Schools?status=");
            await BrowserSession.ScreenshotAsync(page, "start-for-real-schools");
            var monitored = whole.Rows.Count - WholeLaGiasFile.ChildrensCentres.Count - WholeLaGiasFile.SchoolList(850).Count(s => s.SchoolType == "Further education");
            (await page.Locator("#result-count").InnerTextAsync()).ShouldContain(monitored.ToString("N0"));
            (await page.GotoAsync("/Schools/23306"))!.Status.ShouldBe(404, "a children's centre is not registered");

            await page.GotoAsync("/Localities");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Basingstoke and Deane");

            var figures = await page.GotoAsync("/Data/La");
            figures!.Status.ShouldBe(200);
            await BrowserSession.ScreenshotAsync(page, "start-for-real-la-figures");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Hampshire");
            await context.CloseAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One <c>schoolsight</c> command, run in this process against <paramref name="database"/>, its output kept out of the test's.</summary>
    private static async Task<int> SchoolsightAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        try
        {
            string[] arguments = ["--provider", database.Provider.ToString(), "--database", database.Options.ConnectionString, .. args];
            var exit = await CliRoot.Create().Parse(arguments).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = output });
            if (exit != ExitCodes.Ok) Console.Error.WriteLine(output.ToString());
            return exit;
        }
        finally
        {
            AnsiConsole.Console = console;
        }
    }
}
