namespace EdgeML.Runtime.Operators;

/// <summary>EdgeML's own operators (domain ai.edgeml), produced by compiler passes such as fusion.</summary>
public static partial class OpCatalog
{
    private static readonly OpSchema[] EdgeMLSchemas = [];
}
