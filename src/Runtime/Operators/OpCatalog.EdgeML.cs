namespace EdgeML.Runtime.Operators;

/// <summary>
/// EdgeML's own operators (domain ai.edgeml), produced by compiler passes; docs/edgeml-operators.md
/// defines them. Op codes are explicit, from 3000, and never renumbered.
/// </summary>
public static partial class OpCatalog
{
    private static readonly OpSchema[] EdgeMLSchemas =
    [
        // Sums a broadcast tensor back to a shape it was broadcast from (reverse of Expand); made
        // by the gradient expansion for operands that were broadcast.
        new(OpCode.EdgeMLSumToShape, EdgeMLDomain, "SumToShape", [1]),
        // Conv + bias + residual + activation, weights optionally prepacked (FusedConvFusion, WeightPrepacking).
        new(OpCode.EdgeMLFusedConv, EdgeMLDomain, "FusedConv", [1]),
        // MatMul / Gemm + bias + activation, B optionally prepacked.
        new(OpCode.EdgeMLFusedMatMul, EdgeMLDomain, "FusedMatMul", [1]),
    ];
}
