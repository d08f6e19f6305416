using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// The limits a rule set file is held to before it is read into a document, so a hostile or broken upload is answered
/// with a problem instead of exhausting the stack, memory or time: its size, how deeply lists and mappings nest, and no
/// anchors or aliases (an alias repeats a part of the file, and a few nested aliases repeat it millions of times).
/// </summary>
public sealed partial class RuleSetParser
{
    /// <summary>The longest file read, in characters (the default criteria are about 11,000).</summary>
    public const int MaxLength = 500_000;

    /// <summary>How deeply lists and mappings may nest: the file itself, its rules, a rule, its conditions and 'any'/'all' groups within them.</summary>
    public const int MaxDepth = 24;

    /// <summary>
    /// Streams the file's parser events once, keeping only a depth counter (the YAML scanner and parser keep their
    /// own stacks on the heap), and stops at the first limit crossed. Null when the file is within the limits; a
    /// syntax error is left for the full read to report.
    /// </summary>
    private static RuleSetError? BeyondLimits(string yaml)
    {
        if (yaml.Length > MaxLength)
            return new(1, 1, $"The file is longer than {MaxLength:N0} characters: rule sets are far smaller, so is it the right file?");
        if (NotText(yaml) is { } notText) return notText;
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var (line, column) = (1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                (line, column) = ((int)current.End.Line, (int)current.End.Column);
                if (current is AnchorAlias alias)
                    return At(alias, $"'*{alias.Value}' is an alias: rule set files may not use anchors (&) or aliases (*); write each rule out in full");
                if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
                    return At(anchored, $"'&{anchored.Anchor}' is an anchor: rule set files may not use anchors (&) or aliases (*); write each rule out in full");
                if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                    return At(current, $"Lists and mappings nest more than {MaxDepth} deep here: rule sets need far fewer levels, so is the file complete and its brackets or indentation right?");
                if (current is MappingEnd or SequenceEnd) depth--;
            }
        }
        catch (YamlException)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The YAML reader gives up on some malformed streams with an InvalidOperationException rather than a syntax error.
            return new(line, column, "The file is not valid YAML after this point: check the brackets, quotes and indentation");
        }
        return null;
    }

    /// <summary>The first control character YAML does not allow (a NUL would end the file early for some readers).</summary>
    private static RuleSetError? NotText(string yaml)
    {
        var (line, column) = (1, 1);
        foreach (var c in yaml)
        {
            if (c == '\n') (line, column) = (line + 1, 1);
            else if ((char.IsControl(c) && c is not '\t' and not '\r' and not '\u0085') || c is '\uFFFE' or '\uFFFF')
                return new(line, column, $"The file has a control character (U+{(int)c:X4}) here: rule set files are plain text");
            else column++;
        }
        return null;
    }

    private static RuleSetError At(ParsingEvent at, string message) => new((int)at.Start.Line, (int)at.Start.Column, message);
}
