using Microsoft.Extensions.Configuration;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Tests.Indicators;

public sealed class QuestionnaireFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"questionnaire-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    private static IConfiguration Pointing(string file) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Voice:QuestionnaireFile"] = file }).Build();

    [Fact]
    public void WithoutAFile_TheShippedQuestionnaireIsUsed() =>
        QuestionnaireFile.Load(new ConfigurationBuilder().Build()).ShouldBeSameAs(Questionnaire.Shipped);

    [Fact]
    public void TheLasFile_MayAddQuestionsAfterTheShippedOnes_AndTheCatalogueReadsThem()
    {
        File.WriteAllText(_file, Questionnaire.ReadShipped().Replace("scoredScales: []", """
              - column: SleepWell
                outcome: BeHealthy
                scale: agree
                pupils: { text: "I sleep well", from: 7, to: 13 }

            scoredScales:
              - id: healthy
                name: Healthy habits
                items: [HealthyEating, HelpsHealthy, SleepWell]
                bands:
                  - { name: Lower, from: 3, to: 8 }
                  - { name: Higher, from: 9, to: 12 }
            """));
        var source = new IndicatorCatalogueSource(Pointing(_file));
        source.Questionnaire.Questions.Count.ShouldBe(9);
        source.Questionnaire.Questions[8].Index.ShouldBe(8);
        source.Questionnaire.ScoredScales.ShouldHaveSingleItem().Items.Count.ShouldBe(3);
    }

    [Fact]
    public void AFileThatDropsAShippedQuestion_StopsTheStartWithTheLine()
    {
        var shipped = Questionnaire.ReadShipped();
        var start = shipped.IndexOf("  - column: FeelSafe", StringComparison.Ordinal);
        var next = shipped.IndexOf("  - column: BullyingDealtWith", StringComparison.Ordinal);
        File.WriteAllText(_file, shipped.Remove(start, next - start));
        var error = Should.Throw<InvalidOperationException>(() => QuestionnaireFile.Load(Pointing(_file)));
        error.Message.ShouldContain("Question 1 must be 'FeelSafe'");
        error.Message.ShouldContain($"line {shipped[..start].Count(c => c == '\n') + 1}, column 1");
    }
}
