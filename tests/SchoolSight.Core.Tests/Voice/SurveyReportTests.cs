using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Voice;

/// <summary>A school's survey report on a real database: benchmarks, significance, the last survey, and small groups hidden.</summary>
public abstract class SurveyReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Urn = 999101, Neighbour = 999102, ElsewhereUrn = 888101, Year = 2025;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.Add(Build.School(Urn));
        db.Schools.Add(Build.School(Neighbour, "Brookfield Primary School"));
        db.Schools.Add(new School(ElsewhereUrn, Build.Details("Elsewhere Primary School", la: 888)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A group of pupils: their year group (code), gender, how many answered and how many agreed with every question.</summary>
    private sealed record Group(byte YearGroup, SurveyGender Gender, int Count, int Agreeing);

    private static SurveyColumns Pupils(params Group[] groups)
    {
        var survey = new SurveyColumns(groups.Sum(g => g.Count));
        var k = 0;
        foreach (var g in groups)
            for (var i = 0; i < g.Count; i++, k++)
            {
                survey.RespondentTypes[k] = (byte)RespondentType.Pupil;
                survey.YearGroups[k] = g.YearGroup;
                survey.Genders[k] = (byte)g.Gender;
                foreach (var q in SurveyFields.Questions) survey.Answers(q)[k] = i < g.Agreeing ? SurveyFields.Agree : SurveyFields.Disagree;
            }
        return survey;
    }

    private async Task StoreAsync(int urn, int year, SurveyColumns survey)
    {
        await using var db = _database.CreateContext();
        var data = SurveyBlockCodec.Encode(survey);
        db.SurveyDataBlocks.Add(new SurveyDataBlock(urn, year, survey.Count, SurveyBlockCodec.Hash(data), data, 0, db.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<SurveyReportView> ReportAsync(ICurrentUser? user = null)
    {
        await using var db = _database.CreateContext(user);
        var result = await new GetSurveyReport(db, IndicatorCatalogueSource.Default).RunAsync(Urn);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    private static SurveyReportItem FeelSafe(SurveyReportView report) =>
        report.Sections.Single(s => s.Respondents == RespondentType.Pupil).Items.Single(i => i.Column == "FeelSafe");

    /// <summary>Whether a hidden year group's count of agreeing pupils follows from the figures shown (the lines everyone = years, everyone = genders).</summary>
    private static bool CanBeWorkedOut(SurveyReportItem item, string group)
    {
        var cells = new[] { item.School }.Concat(item.YearGroups.Select(g => g.Figure)).Concat(item.Genders.Select(g => g.Figure)).ToList();
        var years = Enumerable.Range(1, item.YearGroups.Count).ToList();
        var genders = Enumerable.Range(1 + item.YearGroups.Count, item.Genders.Count).ToList();
        var lines = new List<AdditiveLine> { new(0, years) };
        if (genders.Count > 0) lines.Add(new(0, genders));
        var index = 1 + item.YearGroups.Select(g => g.Group).ToList().IndexOf(group);
        index = index > 0 ? index : 1 + item.YearGroups.Count + item.Genders.Select(g => g.Group).ToList().IndexOf(group);
        return Suppression.IsDetermined(index, [.. cells.Select(c => c.Suppressed)], lines);
    }

    private static double Agreeing(FigureView figure) => Math.Round(figure.Value!.Value * figure.Denominator!.Value / 100);

    [Fact]
    public async Task AYearGroupOf7_IsHidden_AndNeitherTheTotalNorTheOtherYearGroupsGiveItAway()
    {
        await StoreAsync(Urn, Year, Pupils(
            new(5, SurveyGender.Girl, 15, 10), new(5, SurveyGender.Boy, 15, 10),   // Year 4: 30
            new(6, SurveyGender.Girl, 4, 1), new(6, SurveyGender.Boy, 3, 1),       // Year 5: 7, of whom 2 agree
            new(7, SurveyGender.Girl, 12, 10), new(7, SurveyGender.Boy, 13, 10))); // Year 6: 25

        var item = FeelSafe(await ReportAsync());

        item.YearGroups.Select(g => g.Group).ShouldBe(["Year 4", "Year 5", "Year 6"]);
        item.YearGroups.Single(g => g.Group == "Year 5").Figure.ShouldBe(FigureView.Hidden);
        item.YearGroups.Count(g => g.Figure.Suppressed).ShouldBeGreaterThanOrEqualTo(2);
        CanBeWorkedOut(item, "Year 5").ShouldBeFalse();
        // What the shown figures add up to: everyone's agreeing less the shown year groups' is two groups' together, not Year 5's 2.
        if (!item.School.Suppressed)
            (Agreeing(item.School) - item.YearGroups.Where(g => !g.Figure.Suppressed).Sum(g => Agreeing(g.Figure))).ShouldNotBe(2);
        item.Genders.Select(g => (g.Group, g.Figure.Suppressed)).ShouldBe([("Boys", false), ("Girls", false)]);
    }

    [Fact]
    public async Task AGenderGroupUnderTheThreshold_IsHidden_WithAnotherSoItCannotBeWorkedOut()
    {
        await StoreAsync(Urn, Year, Pupils(
            new(6, SurveyGender.Girl, 30, 20), new(6, SurveyGender.Boy, 25, 20), new(6, SurveyGender.Other, 4, 2)));

        var item = FeelSafe(await ReportAsync());

        item.Genders.Select(g => g.Group).ShouldBe(["Boys", "Girls", "Another way"]);
        item.Genders.Single(g => g.Group == "Another way").Figure.Suppressed.ShouldBeTrue();
        item.Genders.Count(g => g.Figure.Suppressed).ShouldBeGreaterThanOrEqualTo(2);
        CanBeWorkedOut(item, "Another way").ShouldBeFalse();
        item.School.Suppressed.ShouldBeFalse();
        item.School.Denominator.ShouldBe(59);
    }

    [Fact]
    public async Task TheSchool_IsComparedWithItsLa_AndTheDifferenceIsTestedForSignificance()
    {
        await StoreAsync(Urn, Year, Pupils(new Group(6, SurveyGender.Girl, 30, 6), new(6, SurveyGender.Boy, 30, 6)));
        await StoreAsync(Neighbour, Year, Pupils(new Group(6, SurveyGender.Girl, 100, 95), new(6, SurveyGender.Boy, 100, 95)));
        await StoreAsync(ElsewhereUrn, Year, Pupils(new Group(6, SurveyGender.Girl, 500, 0)));

        var report = await ReportAsync();
        var item = FeelSafe(report);

        report.AcademicYear.ShouldBe(Year);
        item.School.Value!.Value.ShouldBe(20, 0.01);
        var la = item.Benchmarks.Single(b => b.Label == "LA 999");
        la.Figure.Denominator.ShouldBe(260); // this school and its neighbour; not the other LA's school
        la.Figure.Value!.Value.ShouldBe(100.0 * (12 + 190) / 260, 0.01);
        la.Comparison.ShouldBe(Comparison.SignificantlyWorse);
        item.Benchmarks.ShouldNotContain(b => b.Label.StartsWith("Last survey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSchool_IsComparedWithItsOwnLastSurvey()
    {
        await StoreAsync(Urn, Year - 2, Pupils(new Group(6, SurveyGender.Girl, 40, 4)));
        await StoreAsync(Urn, Year - 1, Pupils(new Group(6, SurveyGender.Girl, 40, 20)));
        await StoreAsync(Urn, Year, Pupils(new Group(6, SurveyGender.Girl, 40, 36)));

        var report = await ReportAsync();
        var last = FeelSafe(report).Benchmarks.Single(b => b.Label.StartsWith("Last survey", StringComparison.Ordinal));

        report.LastYear.ShouldBe(Year - 1);
        last.Label.ShouldBe("Last survey (2024/25)");
        last.Figure.Value!.Value.ShouldBe(50, 0.01);
        last.Comparison.ShouldBe(Comparison.SignificantlyBetter);
    }

    [Fact]
    public async Task FewerPupilsThanTheThreshold_ShowNothing_AndAnotherSchoolsReportIsNotFound()
    {
        await StoreAsync(Urn, Year, Pupils(new Group(6, SurveyGender.Girl, 9, 9)));

        var pupils = (await ReportAsync()).Sections.Single();
        pupils.Hidden.ShouldBeTrue();
        pupils.Items.ShouldBeEmpty();

        var neighbourHead = new FixedCurrentUser("head@brookfield.example", Role.SchoolUser, scope: SchoolScope.Of([Neighbour]));
        await using var db = _database.CreateContext(neighbourHead);
        (await new GetSurveyReport(db, IndicatorCatalogueSource.Default).RunAsync(Urn)).IsNotFound.ShouldBeTrue();
        var governor = new FixedCurrentUser("governor@demo-borough.example", Role.Governor, scope: SchoolScope.Of([Urn]));
        await using var gdb = _database.CreateContext(governor);
        (await new GetSurveyReport(gdb, IndicatorCatalogueSource.Default).RunAsync(Urn)).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task WhatYouToldUs_IsDraftedFromTheReport_AndASaveFromAStaleVersionIsRefused()
    {
        await StoreAsync(Urn, Year, Pupils(new Group(6, SurveyGender.Girl, 30, 24), new(6, SurveyGender.Boy, 30, 24)));
        var head = new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, scope: SchoolScope.Of([Urn]));

        await using (var db = _database.CreateContext(head))
        {
            var draft = (await new GetSurveySummary(db, new GetSurveyReport(db, IndicatorCatalogueSource.Default), new PeopleNames(db)).RunAsync(Urn)).Value!;
            draft.IsDraft.ShouldBeTrue();
            draft.Text.ShouldContain("Thank you to the 60 pupils who answered our survey in 2025/26.");
            draft.Text.ShouldContain("8 in 10 of you said “I feel safe in school”.");
            (await new SaveSurveySummary(db).RunAsync(Urn, Year, "We listened.", null)).Errors.ShouldBeEmpty();
        }
        await using (var db = _database.CreateContext(head))
        {
            (await new SaveSurveySummary(db).RunAsync(Urn, Year, "Second version.", 1)).Errors.ShouldBeEmpty();
            var stale = await new SaveSurveySummary(db).RunAsync(Urn, Year, "From an old copy.", 1);
            stale.IsConflict.ShouldBeTrue();
            (await new SaveSurveySummary(db).RunAsync(Urn, Year, "   ", 2)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Text");
        }
        await using (var db = _database.CreateContext(head))
        {
            var saved = (await new GetSurveySummary(db, new GetSurveyReport(db, IndicatorCatalogueSource.Default), new PeopleNames(db)).RunAsync(Urn)).Value!;
            saved.Text.ShouldBe("Second version.");
            saved.Version.ShouldBe(2);
        }
    }
}

public sealed class SurveyReportTests_Sqlite() : SurveyReportTests(DatabaseProvider.Sqlite);
public sealed class SurveyReportTests_Postgres() : SurveyReportTests(DatabaseProvider.Postgres);
