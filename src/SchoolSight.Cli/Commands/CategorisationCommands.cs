using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight rules validate|preview &lt;file&gt;</c> and <c>schoolsight levels propose</c>: the levels of support
/// criteria checked (every problem with its line and column), previewed against the schools held, and applied — through
/// the same Core operations as the pages.
/// </summary>
public static class CategorisationCommands
{
    public static Command Rules()
    {
        var command = new Command("rules", "Levels of support criteria: check a rule set file, or preview what it would change");
        var file = new Argument<FileInfo>("file") { Description = "The rule set file (YAML)" };
        var validate = new Command("validate", "Check a rule set file against the indicator catalogue; lists every problem with its line and column") { file };
        validate.SetAction((parse, ct) => Task.FromResult(Validate(parse, parse.GetValue(file)!)));
        var previewFile = new Argument<FileInfo>("file") { Description = "The rule set file (YAML)" };
        var preview = new Command("preview", "Which schools would change level if this rule set were adopted, which way and why (changes nothing)") { previewFile };
        preview.SetAction((parse, ct) => PreviewAsync(parse, parse.GetValue(previewFile)!, ct));
        command.Subcommands.Add(validate);
        command.Subcommands.Add(preview);
        return command;
    }

    public static Command Levels()
    {
        var command = new Command("levels", "Levels of support and intervention");
        var urn = new Option<int?>("--urn") { Description = "Only this school" };
        var propose = new Command("propose", "Apply the adopted criteria to every open school and record proposals for the SMT") { urn };
        propose.SetAction((parse, ct) => ProposeAsync(parse, parse.GetValue(urn), ct));
        command.Subcommands.Add(propose);
        return command;
    }

    private static RuleSetParseResult? Read(ParseResult parse, FileInfo file, out string name)
    {
        name = file.Name;
        if (!file.Exists)
        {
            CliContext.Fail($"No such file: {file.FullName}");
            return null;
        }
        // Read no further than the size limit: the parser refuses a larger file without reading it whole.
        using var stream = file.OpenRead();
        var bytes = new byte[Math.Min(stream.Length, RuleSetFile.MaxBytes + 1)];
        stream.ReadExactly(bytes);
        using var services = CliContext.Services(parse);
        return services.GetRequiredService<RuleSets>().Parse(bytes);
    }

    private static int Validate(ParseResult parse, FileInfo file)
    {
        if (Read(parse, file, out var name) is not { } result) return ExitCodes.Failed;
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
                AnsiConsole.MarkupLine($"[red]{Markup.Escape($"{name}:{error.Line}:{error.Column}")}[/] {Markup.Escape(error.Message)}");
            AnsiConsole.MarkupLine($"[red]{result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}: the rule set cannot be used.[/]");
            return ExitCodes.Rejected;
        }
        var rules = result.RuleSet!;
        var table = new Table().AddColumns("Rule", "Points to", "Applies to", "Source");
        foreach (var rule in rules.Rules)
            table.AddRow(Markup.Escape(rule.Id), rule.Points, rule.Phases is null ? "all" : string.Join(", ", rule.Phases.Select(RuleSetParser.PhaseSlug)), Markup.Escape(rule.Source));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[green]{Markup.Escape(name)}: version {Markup.Escape(rules.Version)}, {rules.Rules.Count} rules, no problems.[/]");
        return ExitCodes.Ok;
    }

    private static async Task<int> PreviewAsync(ParseResult parse, FileInfo file, CancellationToken ct)
    {
        if (Read(parse, file, out _) is not { } result) return ExitCodes.Failed;
        if (!result.IsValid) return Validate(parse, file);
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        var preview = await scope.ServiceProvider.GetRequiredService<PreviewRuleSet>().RunAsync(result.RuleSet!, ct);
        if (!preview.Succeeded) return CliContext.Fail(string.Join(" ", preview.Errors.Select(e => e.Message)));
        var w = preview.Value!;
        var table = new Table().AddColumns("URN", "School", "Adopted proposes", "This file proposes", "Why");
        foreach (var c in w.Changes)
            table.AddRow(c.Urn.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.SchoolName), Describe(c.AdoptedProposal, c.AdoptedReview),
                $"{Describe(c.DraftProposal, c.DraftReview)} {(c.Direction > 0 ? "↑" : c.Direction < 0 ? "↓" : "")}",
                Markup.Escape(string.Join("; ", c.NowFiring.Select(r => "+ " + r).Concat(c.NoLongerFiring.Select(r => "− " + r)).Concat(c.PointingElsewhere.Select(r => "~ " + r)))));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Against adopted version {Markup.Escape(w.AdoptedVersion)}, for {w.Schools} schools: {w.MoreSupport} to more support, {w.LessSupport} to less, {w.ReviewChanges} only in review.");
        if (w.Changes.Count > 0) AnsiConsole.MarkupLine("Why: + would fire, − would no longer fire, ~ fires under both but points to another level.");
        return ExitCodes.Ok;
    }

    private static string Describe(LevelOfSupport level, bool review) => level.Describe() + (review ? ", review" : "");

    private static async Task<int> ProposeAsync(ParseResult parse, int? urn, CancellationToken ct)
    {
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        var result = await scope.ServiceProvider.GetRequiredService<ProposeLevels>().RunAsync(urn, ct);
        if (!result.Succeeded) return CliContext.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
        var run = result.Value!;
        AnsiConsole.MarkupLine($"Criteria version {Markup.Escape(run.RuleSetVersion)} applied to {run.Schools} schools: {run.New} new proposals, {run.Unchanged} unchanged; " +
            $"{run.DifferFromCurrent} differ from the agreed level, {run.NeedReview} need evidence reviewed. The SMT agrees them on the Levels of support page.");
        return ExitCodes.Ok;
    }
}
