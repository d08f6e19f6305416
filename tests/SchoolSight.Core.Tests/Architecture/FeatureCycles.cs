namespace SchoolSight.Core.Tests.Architecture;

/// <summary>
/// The cycles among the feature folders of an assembly: a feature is the namespace one level under the root
/// (<c>SchoolSight.Core.Data.Configurations</c> is part of <c>Data</c>); types in the root itself belong to no feature.
/// Each cycle is named with one type on each step that makes it, e.g.
/// <c>Calendar → Data (…TermCalendarStore uses …AppDbContext) → Calendar (…AppDbContext uses …TermCalendar)</c>.
/// </summary>
public static class FeatureCycles
{
    public static IReadOnlyList<string> In(System.Reflection.Assembly assembly, string root) =>
        In(TypeDependencies.Of(assembly), root);

    public static IReadOnlyList<string> In(IEnumerable<TypeDependency> dependencies, string root)
    {
        // For each feature, the features it uses, with the first (by name) pair of types that shows it.
        var uses = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var d in dependencies.OrderBy(d => d.From, StringComparer.Ordinal).ThenBy(d => d.To, StringComparer.Ordinal))
        {
            if (Feature(d.FromNamespace, root) is not { } from || Feature(d.ToNamespace, root) is not { } to || from == to) continue;
            if (!uses.TryGetValue(from, out var targets)) uses[from] = targets = new(StringComparer.Ordinal);
            targets.TryAdd(to, $"{d.From} uses {d.To}");
        }

        var cycles = new List<string>();
        foreach (var component in StronglyConnected(uses).Where(c => c.Count > 1))
        {
            var path = CycleThrough(component, uses);
            var steps = path.Zip(path.Skip(1).Append(path[0]), (a, b) => $" → {b} ({uses[a][b]})");
            cycles.Add(path[0] + string.Concat(steps));
        }
        return cycles;
    }

    private static string? Feature(string ns, string root)
    {
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Tarjan's strongly connected components, each sorted by name.</summary>
    private static List<SortedSet<string>> StronglyConnected(SortedDictionary<string, SortedDictionary<string, string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<SortedSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in uses.TryGetValue(node, out var targets) ? targets.Keys.ToList() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new SortedSet<string>(StringComparer.Ordinal);
            string member;
            do component.Add(member = stack.Pop()); while (member != node);
            components.Add(component);
        }

        foreach (var node in uses.Keys.Where(n => !index.ContainsKey(n))) Visit(node);
        return [.. components.OrderBy(c => c.Min, StringComparer.Ordinal)];
    }

    /// <summary>The shortest cycle through the component's first feature, staying inside the component.</summary>
    private static List<string> CycleThrough(SortedSet<string> component, SortedDictionary<string, SortedDictionary<string, string>> uses)
    {
        var start = component.Min!;
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in uses.TryGetValue(node, out var targets) ? targets.Keys.Where(component.Contains) : [])
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[^1] != start) path.Add(previous[path[^1]]);
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        throw new InvalidOperationException($"No cycle through {start}.");
    }
}
