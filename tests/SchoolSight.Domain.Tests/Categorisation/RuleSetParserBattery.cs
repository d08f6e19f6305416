using System.Diagnostics;
using System.Text;
using CsCheck;
using SchoolSight.Domain.Categorisation.Rules;
using Xunit.Abstractions;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// Hostile and broken rule set files: deep nesting, anchors and aliases, size, encodings and random YAML-like text.
/// Every one must be answered with problems (each with a line and column) or a valid rule set, in bounded time: never
/// an exception, a stack overflow or a runaway parse.
/// </summary>
[Trait("Category", "Battery")]
public sealed class RuleSetParserBattery(ITestOutputHelper output)
{
    private static readonly string Valid = RuleSetLimitsTests.File("[{ofsted: inadequate}]");
    private static readonly TimeSpan RunawayParse = TimeSpan.FromSeconds(60);
    private static readonly int[] Depths = [RuleSetParser.MaxDepth - 1, RuleSetParser.MaxDepth, RuleSetParser.MaxDepth + 1, 1_000, 50_000];

    /// <summary>Parses the text, or the bytes when given, and checks the answer is well-formed.</summary>
    private static RuleSetParseResult Answer(string name, string? text, byte[]? bytes = null)
    {
        var watch = Stopwatch.StartNew();
        RuleSetParseResult result;
        try
        {
            result = bytes is null ? Shipped.Parse(text!) : RuleSetFile.Parse(bytes, Shipped.Catalogue);
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"{name}: {e.GetType().Name} escaped the parser: {e.Message}", e);
        }
        watch.Elapsed.ShouldBeLessThan(RunawayParse, name); // a runaway guard (an unbounded parse never ends), not a speed goal
        if (result.RuleSet is null) result.Errors.ShouldNotBeEmpty(name);
        else result.Errors.ShouldBeEmpty(name);
        foreach (var error in result.Errors)
        {
            error.Line.ShouldBeGreaterThanOrEqualTo(1, name);
            error.Column.ShouldBeGreaterThanOrEqualTo(1, name);
            error.Message.ShouldNotBeNullOrWhiteSpace(name);
        }
        return result;
    }

    private static IEnumerable<(string Name, string Text)> Nesting()
    {
        foreach (var depth in Depths)
        {
            yield return ($"flow sequences {depth} deep", new string('[', depth) + new string(']', depth));
            yield return ($"flow mappings {depth} deep", string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth));
            yield return ($"unclosed flow sequences {depth} deep", new string('[', depth));
            yield return ($"block sequences {depth} deep", string.Concat(Enumerable.Repeat("- ", depth)) + "x\n");
            // Block mappings need one more space of indentation per level: past a few hundred levels that is the size limit's.
            yield return ($"block mappings {depth} deep", depth > 1_000 ? string.Concat(Enumerable.Repeat("? ", depth)) + "x\n"
                : string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i) + "a:\n")) + new string(' ', depth) + "b\n");
            yield return ($"conditions nested {depth} deep in a rule",
                RuleSetLimitsTests.File("[" + string.Concat(Enumerable.Repeat("{any: [", depth)) + "{ofsted: inadequate}" + string.Concat(Enumerable.Repeat("]}", depth)) + "]"));
        }
    }

    private static IEnumerable<(string Name, string Text, bool Refused)> Aliases()
    {
        yield return ("anchored scalar", RuleSetLimitsTests.File("[{ofsted: &o inadequate}]"), true);
        yield return ("alias as a value", RuleSetLimitsTests.File("[{ofsted: *o}]"), true);
        yield return ("alias as a key", RuleSetLimitsTests.File("[{*o : inadequate}]"), true);
        yield return ("alias as the whole when", RuleSetLimitsTests.File("*when"), true);
        yield return ("anchored mapping reused", RuleSetLimitsTests.File("[&c {ofsted: inadequate}, *c]"), true);
        yield return ("anchored sequence", RuleSetLimitsTests.File("&w [{ofsted: inadequate}]"), true);
        yield return ("anchor on the root", "&root\n" + Valid, true);
        yield return ("anchor with a tag", RuleSetLimitsTests.File("!!seq &w [{ofsted: inadequate}]"), true);
        yield return ("merge key with an alias", RuleSetLimitsTests.File("[{<<: *base}]", "base: &base {ofsted: inadequate}\n"), true);
        yield return ("merge key with a list of aliases", RuleSetLimitsTests.File("[{<<: [*a, *b]}]", "x: [&a {ofsted: inadequate}, &b {sip: weak}]\n"), true);
        yield return ("merge key without aliases", RuleSetLimitsTests.File("[{<<: {ofsted: inadequate}}]"), false);
        yield return ("recursive alias", "version: &v [*v]\n", true);
        yield return ("self-referencing mapping", RuleSetLimitsTests.File("&w [{any: *w}]"), true);
        yield return ("alias to an undefined anchor", "version: *nothing\n", true);
        yield return ("alias bomb, 7 levels", RuleSetLimitsTests.AliasBomb(7), true);
        yield return ("alias bomb, 9 levels", RuleSetLimitsTests.AliasBomb(9), true);
        yield return ("alias bomb of sequences", "a: &a [x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 9).Select(n => $"{(char)('a' + n)}: &{(char)('a' + n)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + n - 1)}", 9))}]\n")), true);
    }

    private static IEnumerable<(string Name, string? Text, byte[]? Bytes)> SizesAndEncodings()
    {
        var padded = Valid + "\n#";
        yield return ("just under the size limit", padded + new string('x', RuleSetParser.MaxLength - padded.Length), null);
        yield return ("just over the size limit", padded + new string('x', RuleSetParser.MaxLength - padded.Length + 1), null);
        yield return ("bytes just under the size limit", null, Encoding.UTF8.GetBytes(padded + new string('x', RuleSetFile.MaxBytes - padded.Length)));
        yield return ("bytes just over the size limit", null, Encoding.UTF8.GetBytes(padded + new string('x', RuleSetFile.MaxBytes - padded.Length + 1)));
        foreach (var encoding in new[] { "utf-8", "utf-8-bom", "utf-16le", "utf-16be" })
            yield return ($"valid file in {encoding}", null, RuleSetLimitsTests.Encode(Valid, encoding));
        yield return ("UTF-16 without its mark", null, Encoding.Unicode.GetBytes(Valid));
        yield return ("UTF-16 with an odd byte", null, [.. RuleSetLimitsTests.Encode(Valid, "utf-16le"), 0x41]);
        yield return ("UTF-16 with a lone surrogate", null, [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]);
        yield return ("a lone continuation byte", null, [.. Encoding.UTF8.GetBytes(Valid), 0x80]);
        yield return ("an overlong encoding", null, [.. Encoding.UTF8.GetBytes("version: "), 0xC0, 0xAF]);
        yield return ("a surrogate encoded in UTF-8", null, [.. Encoding.UTF8.GetBytes("name: "), 0xED, 0xA0, 0x80]);
        yield return ("a sequence cut short at the end", null, [.. Encoding.UTF8.GetBytes(Valid), 0xE2, 0x82]);
        yield return ("Latin-1 text", null, Encoding.Latin1.GetBytes(Valid.Replace("Weak.", "Caf\u00e9.")));
        yield return ("a NUL byte first", null, [0x00, .. Encoding.UTF8.GetBytes(Valid)]);
        yield return ("a NUL byte in the middle", Valid.Insert(Valid.Length / 2, "\0"), null);
        yield return ("a NUL byte last", Valid + "\0", null);
        yield return ("NUL bytes only", new string('\0', 1_000), null);
        yield return ("other control characters", Valid.Replace("Weak.", "We\u0007ak\u001b."), null);
        yield return ("a byte order mark in the middle", Valid.Replace("Weak.", "We\uFEFFak."), null);
        yield return ("an empty file", "", null);
        yield return ("only whitespace", "   \n\t\n", null);
        yield return ("only a comment", "# nothing", null);
        yield return ("several documents", Valid + "\n---\n" + Valid + "\n...\n", null);
        yield return ("a very long line", Valid + "\n# " + new string('y', 400_000), null);
        yield return ("a very long scalar", Valid.Replace("Weak.", new string('w', 400_000)), null);
        yield return ("a very long key", Valid + "\n" + new string('k', 100_000) + ": v\n", null);
        yield return ("a very long quoted scalar over lines", Valid.Replace("Weak.", "\"" + string.Concat(Enumerable.Repeat("word \n  ", 40_000)) + "\""), null);
        yield return ("many keys", Valid + "\n" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"k{i}: {i}\n")), null);
        yield return ("many duplicate keys", Valid + "\n" + string.Concat(Enumerable.Repeat("name: again\n", 10_000)), null);
        yield return ("many rules", "version: \"1\"\nname: n\nrules:\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i =>
            $"  - {{id: r{i}, description: d, source: s, level: targeted, when: [{{ofsted: inadequate}}]}}\n")) + "  - {id: m, description: d, source: s, level: review, when: [{missing: ofsted}]}\n", null);
        yield return ("many tabs", Valid.Replace("  ", "\t"), null);
        yield return ("windows line ends", Valid.Replace("\n", "\r\n"), null);
        yield return ("old mac line ends", Valid.Replace("\n", "\r"), null);
        yield return ("unicode line separators", Valid.Replace("\n", "\u2028"), null);
        yield return ("a directive", "%YAML 1.2\n%TAG ! tag:x,2000:\n---\n" + Valid, null);
        yield return ("custom tags", RuleSetLimitsTests.File("[!x {ofsted: !y inadequate}]"), null);
    }

    [Fact]
    public void EveryHostileOrBrokenFile_IsAnsweredWithProblemsOrARuleSet()
    {
        var count = 0;
        foreach (var (name, text) in Nesting())
        {
            var result = Answer(name, text);
            if (text.Length > 900 && !name.StartsWith("flow mappings", StringComparison.Ordinal))
                result.IsValid.ShouldBeFalse(name);
            count++;
        }
        foreach (var (name, text, refused) in Aliases())
        {
            var result = Answer(name, text);
            if (refused) result.Errors.ShouldContain(e => e.Message.Contains("anchor") || e.Message.Contains("alias"), name);
            count++;
        }
        foreach (var (name, text, bytes) in SizesAndEncodings())
        {
            Answer(name, text, bytes);
            count++;
        }
        output.WriteLine($"{count} variants");
        count.ShouldBeGreaterThan(80);
    }

    [Fact]
    public void TheLimits_FallWhereTheyShould()
    {
        Answer("at the depth limit", new string('[', RuleSetParser.MaxDepth) + new string(']', RuleSetParser.MaxDepth))
            .Errors.ShouldNotContain(e => e.Message.Contains("deep"));
        Answer("past the depth limit", new string('[', RuleSetParser.MaxDepth + 1) + new string(']', RuleSetParser.MaxDepth + 1))
            .Errors.ShouldHaveSingleItem().Column.ShouldBe(RuleSetParser.MaxDepth + 1);
        var padded = Valid + "\n#";
        Answer("at the size limit", padded + new string('x', RuleSetParser.MaxLength - padded.Length)).IsValid.ShouldBeTrue();
        Answer("past the size limit", padded + new string('x', RuleSetParser.MaxLength - padded.Length + 1)).Errors.ShouldHaveSingleItem().Message.ShouldContain("longer than");
        foreach (var encoding in new[] { "utf-8", "utf-8-bom", "utf-16le", "utf-16be" })
            Answer(encoding, null, RuleSetLimitsTests.Encode(Valid, encoding)).IsValid.ShouldBeTrue(encoding);
        Answer("a merge key without aliases", RuleSetLimitsTests.File("[{<<: {ofsted: inadequate}}]")).IsValid.ShouldBeFalse();
    }

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ",", ":", ": ", "- ", "-", "? ", "?", " ", "  ", "\n", "\r\n", "\t", "#", "&a", "&b ", "*a", "*b", " *a", "<<: ", "|", ">", "|-", "'", "\"",
        "\\", "!!", "!x ", "!!map ", "%YAML 1.2\n", "---\n", "...\n", "@", "`", "%", "x", "0", "1.5", "-7", "null", "~", "true", "é", "😀", "\u0085", "\u2028",
        "\0", "\u0007", "\uFEFF", "\uD800", "version: ", "name: ", "rules:", "id: ", "description: ", "source: ", "level: ", "when:", "any:", "all:",
        "ofsted: inadequate", "missing: ofsted", "indicator: KS2_RWM_EXP", "worse-than: ", "concern: safeguarding", "targeted", "review",
    ];

    [Fact]
    public void RandomYamlLikeText_IsAnsweredWithProblemsOrARuleSet()
    {
        var cases = 0;
        Gen.OneOf(Tokens).Array[0, 120].Select(string.Concat).Sample(text =>
        {
            Answer($"random text: {text}", text);
            Interlocked.Increment(ref cases);
        }, iter: 20_000, threads: 1);

        // The shipped criteria with random tokens inserted and random spans removed.
        var shipped = Shipped.DefaultRulesText;
        var edits = Gen.Select(Gen.Int[0, shipped.Length], Gen.Int[0, 40], Gen.OneOf(Tokens).Array[0, 6].Select(string.Concat));
        edits.Array[1, 5].Sample(changes =>
        {
            var text = shipped;
            foreach (var (at, remove, insert) in changes)
            {
                var start = Math.Min(at, text.Length);
                text = text.Remove(start, Math.Min(remove, text.Length - start)).Insert(start, insert);
            }
            Answer("edited default criteria", text);
            Interlocked.Increment(ref cases);
        }, iter: 1_500, threads: 1);

        // Random bytes, decoded as the upload and the command line decode them.
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            Answer("random bytes", null, bytes);
            Interlocked.Increment(ref cases);
        }, iter: 5_000, threads: 1);
        output.WriteLine($"{cases} generated cases");
    }
}
