using System.CommandLine;
using SchoolSight.Cli.Commands;

namespace SchoolSight.Cli;

/// <summary>Every <c>schoolsight</c> command, with the options they all take.</summary>
public static class CliRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("SchoolSight from the command line: imports, the database, the demo data.")
        {
            CliContext.Database,
            CliContext.Provider,
            CliContext.User,
        };
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ImportsListCommand.Create());
        root.Subcommands.Add(ComputeCommand.Create());
        root.Subcommands.Add(FiguresCommand.Create());
        root.Subcommands.Add(CategorisationCommands.Rules());
        root.Subcommands.Add(CategorisationCommands.Levels());
        root.Subcommands.Add(DatabaseCommands.Db());
        root.Subcommands.Add(DatabaseCommands.Demo());
        root.Subcommands.Add(RetentionCommand.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(SurveyCommand.Create());
        root.Subcommands.Add(HealthySchoolsCommands.Create());
        return root;
    }
}
