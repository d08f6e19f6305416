namespace SchoolSight.Web.Api;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
