namespace EdgeML.Runtime.Operators;

/// <summary>EdgeML's own operators (domain ai.edgeml), produced by compiler passes such as fusion.</summary>
public static partial class OpCatalog
{
    private static readonly OpSchema[] EdgeMLSchemas =
    [
        // Sums a broadcast tensor back to a shape it was broadcast from (reverse of Expand); made
        // by the gradient expansion for operands that were broadcast.
        new(OpCode.EdgeMLSumToShape, EdgeMLDomain, "SumToShape", [1]),
    ];
}
