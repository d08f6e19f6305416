using System.CommandLine;
using SchoolSight.Cli;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Cli.Tests;

/// <summary>Runs <c>schoolsight</c> itself on a test database, capturing everything it writes (tests using it share the console: <see cref="ConsoleCollection"/>).</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Output, string[] Arguments)> RunAsync(TestDatabase database, params string[] args)
    {
        string[] arguments = ["--provider", database.Provider.ToString(), "--database", database.Options.ConnectionString, .. args];
        var output = new StringWriter();
        var (console, stdout, stderr) = (AnsiConsole.Console, Console.Out, Console.Error);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exit = await CliRoot.Create().Parse(arguments).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = output });
            return (exit, output.ToString(), arguments);
        }
        finally
        {
            AnsiConsole.Console = console;
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
