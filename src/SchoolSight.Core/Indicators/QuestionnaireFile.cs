using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// The questionnaire in use: the LA's own file when <c>Voice:QuestionnaireFile</c> names one, otherwise the one that
/// ships with SchoolSight. A file with any problem stops the app at start-up with every problem listed by line and
/// column, and so does one that drops or reorders the shipped questions (answers are stored by position).
/// </summary>
public static class QuestionnaireFile
{
    public static Questionnaire Load(IConfiguration? configuration)
    {
        var file = configuration?["Voice:QuestionnaireFile"];
        if (string.IsNullOrWhiteSpace(file)) return Questionnaire.Shipped;
        var result = QuestionnaireParser.Parse(File.ReadAllText(file));
        var errors = result.Questionnaire is { } q ? QuestionnaireParser.CheckKeeps(q, Questionnaire.Shipped) : result.Errors;
        if (errors.Count > 0)
            throw new InvalidOperationException($"The questionnaire {file} has problems:\n{string.Join("\n", errors)}");
        return result.Questionnaire!;
    }
}
