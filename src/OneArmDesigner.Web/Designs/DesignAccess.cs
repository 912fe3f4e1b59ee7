namespace OneArmDesigner.Web.Designs;

/// <summary>What a link grants: the edit link changes the design, the view link only reads it.</summary>
public enum DesignAccess
{
    View,
    Edit,
}
