using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Tests.Published;

public sealed class AcademicYearTests
{
    [Theory]
    [InlineData("2018/19", 2018)]
    [InlineData(" 2018-19 ", 2018)]
    [InlineData("2018/2019", 2018)]
    [InlineData("1999/00", 1999)]
    public void TryParse_ReadsTheYearItStarts(string text, int start)
    {
        AcademicYear.TryParse(text, out var year, out _).ShouldBeTrue();
        year.ShouldBe(start);
        AcademicYear.Format(year).ShouldBe(text.Trim() switch { "2018-19" or "2018/2019" => "2018/19", var t => t });
    }

    [Theory]
    [InlineData(null, "Enter the academic year the file is about, like 2018/19")]
    [InlineData("2018", "'2018' is not an academic year: write it like 2018/19")]
    [InlineData("2018/20", "'2018/20' is not an academic year: the second year must follow the first, like 2018/19")]
    [InlineData("18/19", "'18/19' is not an academic year: write it like 2018/19")]
    [InlineData("1890/91", "1890/91 is outside the years SchoolSight holds (1990/91 to 2100/01)")]
    public void TryParse_RefusesAnythingElse_SayingWhatIsExpected(string? text, string message)
    {
        AcademicYear.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldBe(message);
    }
}
