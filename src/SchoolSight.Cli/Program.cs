using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Data;

var root = new RootCommand("SchoolSight from the command line: imports, the database, the demo data.")
{
    CliContext.Database,
    CliContext.Provider,
    CliContext.User,
};
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ImportsListCommand.Create());
root.Subcommands.Add(ComputeCommand.Create());
root.Subcommands.Add(CategorisationCommands.Rules());
root.Subcommands.Add(CategorisationCommands.Levels());
root.Subcommands.Add(DatabaseCommands.Db());
root.Subcommands.Add(DatabaseCommands.Demo());
root.Subcommands.Add(RetentionCommand.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(SurveyCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is DatabaseSetupException or SqliteException or NpgsqlException || e.InnerException is SqliteException or NpgsqlException)
{
    // A database setting that cannot work (missing, unreadable, read-only, refused): one line on stderr, no stack trace.
    var cause = e is DatabaseSetupException or SqliteException or NpgsqlException ? e : e.InnerException!;
    Console.Error.WriteLine(e is DatabaseSetupException ? e.Message : $"The database in Database:ConnectionString cannot be used: {cause.Message.Split('\n', 2)[0].Trim()}");
    return ExitCodes.Failed;
}
