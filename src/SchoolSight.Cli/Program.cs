using System.CommandLine;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;

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
return await root.Parse(args).InvokeAsync();
