namespace SchoolSight.Web;

public static class FieldIds
{
    /// <summary>The HTML id Razor gives a bound field ("Input.Name" → "Input_Name").</summary>
    public static string For(string modelStateKey) => modelStateKey.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
