namespace OneArmDesigner.Web.Classroom;

/// <summary>The browser addresses of a classroom: the join link followers open and the presenter's secret link.</summary>
public static class ClassroomLinks
{
    public static string Join(string code) => $"/classroom/{code}";

    public static string Present(string presenterToken) => $"/present/{presenterToken}";
}
