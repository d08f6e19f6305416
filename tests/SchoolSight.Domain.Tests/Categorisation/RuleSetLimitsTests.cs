using System.Diagnostics;
using System.Text;
using SchoolSight.Domain.Categorisation.Rules;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// A rule set file is held to limits before it is read: nesting depth, no anchors or aliases, its size and plain text.
/// Each is refused with a problem at its line and column, quickly, instead of crashing or exhausting the machine.
/// </summary>
public sealed class RuleSetLimitsTests
{
    /// <summary>A valid file whose one rule's conditions are <paramref name="when"/>, with the missing-evidence rule it needs.</summary>
    internal static string File(string when, string before = "") => $$"""
        version: "limits-1"
        name: Limits
        {{before}}rules:
          - id: weak
            description: Weak.
            source: Test
            level: targeted
            when: {{when}}
          - id: no-ofsted
            description: No recent Ofsted.
            source: Test
            level: review
            when:
              - missing: ofsted
        """;

    /// <summary>Seven levels of ten aliases each: ten million conditions once expanded, from a file under a kilobyte.</summary>
    internal static string AliasBomb(int levels = 7)
    {
        var anchors = new StringBuilder("anchors:\n  a0: &a0 {ofsted: inadequate}\n");
        for (var n = 1; n <= levels; n++)
            anchors.Append($"  a{n}: &a{n} {{any: [{string.Join(", ", Enumerable.Repeat($"*a{n - 1}", 10))}]}}\n");
        return File($"[*a{levels}]", anchors.ToString());
    }

    private static RuleSetError Refused(string yaml)
    {
        var watch = Stopwatch.StartNew();
        var result = Shipped.Parse(yaml);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60)); // a runaway guard (an unbounded parse never ends), not a speed goal
        result.RuleSet.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void DeeplyNestedFlowSequences_AreRefusedAtTheLevelTooDeep_WithoutOverflowingTheStack()
    {
        var error = Refused(new string('[', 50_000) + new string(']', 50_000));
        error.Line.ShouldBe(1);
        error.Column.ShouldBe(RuleSetParser.MaxDepth + 1);
        error.Message.ShouldContain($"nest more than {RuleSetParser.MaxDepth} deep");
    }

    [Fact]
    public void NestingWithinTheLimit_StillParses()
    {
        // Root mapping, rules, the rule, its 'when' list, the innermost condition, then 'any' groups around it.
        var depth = 5;
        var when = "{ofsted: inadequate}";
        while (depth + 2 <= RuleSetParser.MaxDepth)
        {
            when = $"{{any: [{when}]}}";
            depth += 2;
        }
        depth.ShouldBe(RuleSetParser.MaxDepth - 1);
        Shipped.Parse(File($"[{when}]")).Errors.ShouldBeEmpty();
        Refused(File($"[{{any: [{{any: [{when}]}}]}}]")).Message.ShouldContain("deep");
    }

    [Fact]
    public void AnAliasBomb_IsRefusedAtItsFirstAnchor_Quickly()
    {
        var yaml = AliasBomb();
        Encoding.UTF8.GetByteCount(yaml).ShouldBeLessThan(1_000);
        var error = Refused(yaml);
        error.Line.ShouldBe(4);
        error.Column.ShouldBe(7);
        error.Message.ShouldContain("'&a0' is an anchor");
    }

    [Fact]
    public void AnAliasWithoutItsAnchor_IsRefusedWhereItIs()
    {
        var error = Refused(File("[*weak]"));
        error.Line.ShouldBe(8);
        error.Message.ShouldContain("'*weak' is an alias");
    }

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedBeforeItIsRead()
    {
        var yaml = File("[{ofsted: inadequate}]") + "\n#" + new string('x', RuleSetParser.MaxLength);
        Refused(yaml).Message.ShouldContain("longer than");
        RuleSetFile.Parse(Encoding.UTF8.GetBytes(yaml), Shipped.Catalogue).Errors.ShouldHaveSingleItem().Message.ShouldContain("larger than");
    }

    [Fact]
    public void ANulCharacter_IsRefusedAtItsLineAndColumn()
    {
        var error = Refused(File("[{ofsted: inadequate}]\0 - ignored?"));
        error.Line.ShouldBe(8);
        error.Message.ShouldContain("U+0000");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void AFileInUtf8OrUtf16WithItsMark_Parses(string encoding)
    {
        var bytes = Encode(File("[{ofsted: inadequate}]"), encoding);
        RuleSetFile.Parse(bytes, Shipped.Catalogue).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreRefusedAtTheirLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes("version: \"1\"\nname: caf\u00e9\n").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var error = RuleSetFile.Parse(bytes, Shipped.Catalogue).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((3, 1));
        error.Message.ShouldContain("not UTF-8");
    }

    internal static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
