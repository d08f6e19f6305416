using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using SchoolSight.Cli;
using SchoolSight.Core.Data;

var root = CliRoot.Create();
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
