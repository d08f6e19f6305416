using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// A file is read in ranges on every core and the ranges taken over in the file's order. Cut into ranges of a few
/// kilobytes, the sample files cross range boundaries inside every school-year block (and, dealt out school-year by
/// school-year, inside every school in each range): the import stores exactly what reading the same file in order stores,
/// and rejects a wrong file with exactly the same problems, lines and columns.
/// </summary>
public abstract partial class DataBlockBulkSaveTests
{
    private const int SmallRanges = 4096;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task AFileReadInRanges_StoresTheBlocksAndAuditRows_OfTheSameFileReadInOrder(bool surveys, bool interleaved)
    {
        var (first, second) = Files(surveys);
        if (interleaved) (first, second) = (Interleaved(first), Interleaved(second));
        first.ToBytes().Length.ShouldBeGreaterThan(15 * SmallRanges);

        var inRanges = new List<DataImportResult>();
        var inOrder = new List<DataImportResult>();
        foreach (var file in new[] { first, second })
        {
            using (DataFileReading.ReadInRangesOf(SmallRanges)) inRanges.Add(await ImportAsync(Bulk, file, surveys));
            using (DataFileReading.ReadInRangesOf(0)) inOrder.Add(await ImportAsync(await _oneByOne.Value, file, surveys));
            _clock.Advance(TimeSpan.FromDays(30));
        }

        inRanges.Select(Counts).ShouldBe(inOrder.Select(Counts));
        inRanges[1].Changed.ShouldBe(inOrder[1].Changed);
        (await BlocksAsync(Bulk, surveys)).ShouldBe(await BlocksAsync(await _oneByOne.Value, surveys));
        (await AuditAsync(Bulk, surveys)).ShouldBe(await AuditAsync(await _oneByOne.Value, surveys));
    }

    /// <summary>A file smaller than one range (the default range is megabytes) is read as one range, with the same outcome.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFileSmallerThanOneRange_StoresWhatReadingItInOrderStores(bool surveys)
    {
        var (first, _) = Files(surveys);
        first.ToBytes().Length.ShouldBeLessThan(DataFileReading.RangeBytes);

        var inRanges = await ImportAsync(Bulk, first, surveys);
        using (DataFileReading.ReadInRangesOf(0)) (await ImportAsync(await _oneByOne.Value, first, surveys)).Sha256.ShouldBe(inRanges.Sha256);

        (await BlocksAsync(Bulk, surveys)).ShouldBe(await BlocksAsync(await _oneByOne.Value, surveys));
        (await AuditAsync(Bulk, surveys)).ShouldBe(await AuditAsync(await _oneByOne.Value, surveys));
    }

    /// <summary>
    /// Problems in the middle of a later range and on the last line (and, in a pupil file, a pupil given twice in a
    /// school-year on both sides of a range boundary), with each kind of line break: the same problems, by line and column,
    /// as reading the file in order; nothing is written.
    /// </summary>
    [Theory]
    [InlineData(false, "\r\n")]
    [InlineData(false, "\n")]
    [InlineData(false, "\r")]
    [InlineData(true, "\r\n")]
    [InlineData(true, "\r")]
    public async Task ProblemsInLaterRanges_AreTheProblemsOfReadingInOrder_WithTheirLinesAndColumns_AndNothingIsWritten(bool surveys, string lineBreak)
    {
        var file = Interleaved(Files(surveys).First);
        var (middle, last) = (file.Rows.Count / 2 + 7, file.Rows.Count - 1);
        if (surveys)
        {
            file.Set(middle, SurveyFields.RespondentTypeColumn, "Teacher");
            file.Set(last, SurveyFields.AcademicYearColumn, "soon");
        }
        else
        {
            file.Set(middle, PupilFields.PupilRefColumn, "");
            file.Set(last, PupilFields.SessionsMissed.Name, "9999");
            var twice = file.Rows.Count / 3;
            var again = Enumerable.Range(twice + 1, 200).First(r => (file.Rows[r][0], file.Rows[r][1]) == (file.Rows[twice][0], file.Rows[twice][1]) && r > twice + 60);
            file.Set(again, PupilFields.PupilRefColumn, file.Value(twice, PupilFields.PupilRefColumn));
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(file.ToText().Replace("\r\n", lineBreak, StringComparison.Ordinal));

        DataImportResult inRanges, inOrder;
        using (DataFileReading.ReadInRangesOf(SmallRanges)) inRanges = await RejectedAsync(Bulk, bytes, surveys);
        using (DataFileReading.ReadInRangesOf(0)) inOrder = await RejectedAsync(await _oneByOne.Value, bytes, surveys);

        inRanges.Errors.ShouldBe(inOrder.Errors);
        (inRanges.ErrorCount, inRanges.RowsRead).ShouldBe((inOrder.ErrorCount, inOrder.RowsRead));
        inRanges.Errors.Select(e => e.Line).ShouldContain(DataFile.LineOf(middle));
        inRanges.Errors[^1].Line.ShouldBe(DataFile.LineOf(last));
        if (!surveys) inRanges.Errors.ShouldContain(e => e.Problem.Contains("in the file twice", StringComparison.Ordinal));
        (await BlocksAsync(Bulk, surveys)).ShouldBeEmpty();
        (await AuditAsync(Bulk, surveys)).ShouldBeEmpty();
    }

    /// <summary>More problems than are listed, spread over every range: the same first problems listed, and the same count, as reading in order.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MoreProblemsThanAreListed_ListAndCountTheSameProblems_AsReadingInOrder(bool surveys)
    {
        var file = Interleaved(Files(surveys).First);
        for (var row = 0; row < file.Rows.Count; row++)
        {
            file.Set(row, surveys ? SurveyFields.YearGroupColumn : PupilFields.SessionsMissed.Name, "x");
            file.Set(row, surveys ? SurveyFields.RespondentTypeColumn : PupilFields.PupilRefColumn, "");
        }
        var bytes = file.ToBytes();

        DataImportResult inRanges, inOrder;
        using (DataFileReading.ReadInRangesOf(SmallRanges)) inRanges = await RejectedAsync(Bulk, bytes, surveys);
        using (DataFileReading.ReadInRangesOf(0)) inOrder = await RejectedAsync(await _oneByOne.Value, bytes, surveys);

        inOrder.ErrorCount.ShouldBeGreaterThan(ProblemList.MaxListed);
        inRanges.ErrorCount.ShouldBe(inOrder.ErrorCount);
        inRanges.Errors.ShouldBe(inOrder.Errors);
    }

    private static (int RowsRead, int SchoolYears, int Added, int Replaced, int Unchanged, string Scope) Counts(DataImportResult result) =>
        (result.RowsRead, result.SchoolYears, result.Added, result.Replaced, result.Unchanged, result.Scope);

    private async Task<DataImportResult> RejectedAsync(TestDatabase database, byte[] bytes, bool surveys)
    {
        await using var db = database.CreateContext(clock: _clock);
        var request = new DataImportRequest(new MemoryStream(bytes), FileName(surveys));
        var result = (surveys ? await new ImportSurveys(db).RunAsync(request) : await new ImportPupils(db).RunAsync(request)).Value!;
        result.Applied.ShouldBeFalse();
        return result;
    }
}
