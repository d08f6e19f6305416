using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SchoolSight.Domain.QualityStandards;

/// <summary>Reading the file's nodes, each problem kept with its line and column.</summary>
public sealed partial class QualityStandardsParser
{
    private void Error(YamlNode node, string message) => _errors.Add(new((int)node.Start.Line, (int)node.Start.Column, message));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;

    private static string Scalar(YamlNode node) => node is YamlScalarNode s ? (s.Value ?? "").Trim() : "";

    private List<YamlMappingNode> List(YamlMappingNode map, string key, string what)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add '{key}': a list, each item {what}");
            return [];
        }
        if (node is not YamlSequenceNode list)
        {
            Error(node, $"'{key}' must be a list, each item {what}");
            return [];
        }
        var maps = new List<YamlMappingNode>();
        foreach (var child in list.Children)
            if (child is YamlMappingNode m) maps.Add(m);
            else Error(child, $"Each item of '{key}' must be {what} (a mapping)");
        if (maps.Count == 0 && list.Children.Count == 0) Error(node, $"'{key}' is empty: add at least one, each item {what}");
        return maps;
    }

    private void Keys(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                Error(key, $"'{Scalar(key)}' is not a key of {what}: use {string.Join(", ", allowed)}");
    }

    private string? Text(YamlMappingNode map, string key) => Child(map, key) is { } node && Scalar(node) is { Length: > 0 } text ? text : null;

    private string? RequiredText(YamlMappingNode map, string key, string of, int maxLength = 300)
    {
        if (Child(map, key) is not { } node)
        {
            Error(map, $"Add '{key}' to {of}");
            return null;
        }
        var text = Scalar(node);
        if (text.Length == 0) Error(node, $"'{key}' of {of} is empty");
        else if (text.Length > maxLength) Error(node, $"'{key}' of {of} is longer than {maxLength} characters");
        else return text;
        return null;
    }

    private T? Choice<T>(YamlMappingNode map, string key, string of, IReadOnlyDictionary<string, T> choices, bool required = false) where T : struct
    {
        if (Child(map, key) is not { } node)
        {
            if (required) Error(map, $"Add '{key}' to {of}: one of {string.Join(", ", choices.Keys)}");
            return null;
        }
        if (choices.TryGetValue(Scalar(node), out var value)) return value;
        Error(node, $"'{Scalar(node)}' is not a {key} of {of}: use {string.Join(", ", choices.Keys)}");
        return null;
    }

    private bool? Flag(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node) return null;
        if (bool.TryParse(Scalar(node), out var value)) return value;
        Error(node, $"'{key}' must be true or false, not '{Scalar(node)}'");
        return null;
    }

    private int? Whole(YamlMappingNode map, string key, int min, int max)
    {
        if (Child(map, key) is not { } node) return null;
        if (int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(node, $"'{key}' must be a whole number from {min} to {max}, not '{Scalar(node)}'");
        return null;
    }
}
