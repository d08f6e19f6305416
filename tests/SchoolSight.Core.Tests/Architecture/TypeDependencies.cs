using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SchoolSight.Core.Tests.Architecture;

/// <summary>One type using another, by full name and namespace.</summary>
public sealed record TypeDependency(string From, string FromNamespace, string To, string ToNamespace);

/// <summary>
/// Which types each type of a compiled assembly uses: in its signatures, attributes and method bodies (read from the IL,
/// so a <c>new</c>, a static call or a local counts as much as a field). Compiler-made types (lambdas, async state
/// machines) count as the type they were written in.
/// </summary>
public static class TypeDependencies
{
    /// <summary>Every (type, type it uses) of <paramref name="assembly"/>, by full name and namespace.</summary>
    public static IReadOnlyList<TypeDependency> Of(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var found = new HashSet<TypeDependency>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            if (from.Name == "<Module>") continue;
            foreach (var used in Used(type).SelectMany(Parts))
            {
                var target = Outermost(used);
                if (target.Namespace.Length > 0 && target.FullName != from.FullName)
                    found.Add(new TypeDependency(from.FullName, from.Namespace, target.FullName, target.Namespace));
            }
        }
        return [.. found];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<TypeReference?> Used(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var face in type.Interfaces) yield return face.InterfaceType;
        foreach (var attribute in type.CustomAttributes) yield return attribute.AttributeType;
        foreach (var field in type.Fields) yield return field.FieldType;
        foreach (var property in type.Properties) yield return property.PropertyType;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters) yield return parameter.ParameterType;
            foreach (var attribute in method.CustomAttributes) yield return attribute.AttributeType;
            if (!method.HasBody) continue;
            foreach (var local in method.Body.Variables) yield return local.VariableType;
            foreach (var instruction in method.Body.Instructions)
                foreach (var used in Operand(instruction)) yield return used;
        }
    }

    private static IEnumerable<TypeReference?> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                yield return type;
                break;
            case MethodReference method:
                yield return method.DeclaringType;
                yield return method.ReturnType;
                foreach (var parameter in method.Parameters) yield return parameter.ParameterType;
                if (method is GenericInstanceMethod generic)
                    foreach (var argument in generic.GenericArguments) yield return argument;
                break;
            case FieldReference field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
        }
    }

    /// <summary>A type and the types it is made of (generic arguments, array and by-ref element types).</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference? type)
    {
        if (type is null or GenericParameter) yield break;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType)) yield return part;
                foreach (var argument in generic.GenericArguments)
                    foreach (var part in Parts(argument)) yield return part;
                break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType)) yield return part;
                break;
            default:
                yield return type;
                break;
        }
    }
}
