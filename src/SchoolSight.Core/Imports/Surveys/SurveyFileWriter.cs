using System.Text;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Surveys;

/// <summary>
/// Writes perception survey responses in SchoolSight's survey file format (docs/imports/surveys.md): URN, AcademicYear,
/// RespondentType, YearGroup, Gender (Boy, Girl, Other, blank when not given) and one column per question, answers in words ("Strongly agree"…"Don't know"), blank when
/// not answered. What <see cref="SurveyFileReader"/> reads back unchanged.
/// </summary>
public sealed class SurveyFileWriter : IDisposable
{
    private static readonly byte[][] AnswerText = [.. SurveyFields.Answers.Select(a => Encoding.UTF8.GetBytes(a))];
    private static readonly byte[][] YearText = [.. PupilFields.YearGroups.Select(y => Encoding.UTF8.GetBytes(y))];
    private static readonly byte[][] GenderText = [[], .. new[] { SurveyGender.Boy, SurveyGender.Girl, SurveyGender.Other }.Select(g => Encoding.UTF8.GetBytes(g.ToString()))];
    private readonly Utf8CsvOutput _output;

    public SurveyFileWriter(Stream stream)
    {
        _output = new Utf8CsvOutput(stream);
        _output.Field(SurveyFields.UrnColumn);
        _output.Field(SurveyFields.AcademicYearColumn);
        _output.Field(SurveyFields.RespondentTypeColumn);
        _output.Field(SurveyFields.YearGroupColumn);
        _output.Field(SurveyFields.GenderColumn);
        foreach (var question in SurveyFields.Questions) _output.Field(question.Column);
        _output.EndRow();
    }

    public long Rows { get; private set; }

    public void Write(int urn, int academicYear, SurveyColumns responses)
    {
        var year = Encoding.UTF8.GetBytes(AcademicYears.Display(academicYear));
        var answers = SurveyFields.Questions.Select(responses.Answers).ToArray();
        for (var k = 0; k < responses.Count; k++)
        {
            _output.Field(urn);
            _output.Field(year);
            _output.Field(((RespondentType)responses.RespondentTypes[k]).ToString());
            if (responses.YearGroups[k] == 0) _output.Blank();
            else _output.Field(YearText[responses.YearGroups[k] - 1]);
            if (responses.Genders[k] == (byte)SurveyGender.NotGiven) _output.Blank();
            else _output.Field(GenderText[responses.Genders[k]]);
            foreach (var column in answers)
            {
                if (column[k] == 0) _output.Blank();
                else _output.Field(AnswerText[column[k] - 1]);
            }
            _output.EndRow();
        }
        Rows += responses.Count;
    }

    public void Dispose() => _output.Dispose();
}
