namespace SchoolSight.Web;

public static class WebServices
{
    /// <summary>Services used only by the web app (page helpers, exports) are registered here.</summary>
    public static IServiceCollection AddSchoolSightWeb(this IServiceCollection services) => services;
}
