using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.Indicators;

/// <summary>
/// Reads the top mapping of a YAML file an LA may replace (the questionnaire, the annual review criteria), or says at
/// which line and column it cannot be read.
/// </summary>
public static class YamlFileRoot
{
    /// <summary>The root mapping, or null with the one problem that stops the file being read.</summary>
    public static YamlMappingNode? Load(string yaml, int maxLength, string expected, out QuestionnaireError? problem)
    {
        problem = null;
        if (yaml.Length > maxLength)
        {
            problem = new(1, 1, $"The file is longer than {maxLength:N0} characters: is it the right file?");
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException as YamlException ?? e).Message.Replace("\r", "").Replace("\n", " ").Trim();
            problem = new((int)e.Start.Line, (int)e.Start.Column, $"The file is not valid YAML: {message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            problem = new(1, 1, "The file is not valid YAML: check the brackets, quotes and indentation");
            return null;
        }
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
        problem = new(1, 1, $"The file must be a YAML mapping with {expected}");
        return null;
    }
}
