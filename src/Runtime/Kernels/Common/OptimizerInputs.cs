using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Input handling shared by the ai.onnx.preview.training optimisers (Adagrad, Adam, Momentum):
/// the scalar learning rate R and update count T, and the grouping of the variadic inputs into
/// k tensors to optimise followed by <c>stateCount</c> lists of k companions (gradient, momenta).
/// Companions must have the shape of their tensor or hold a single value (broadcast).
/// </summary>
public static class OptimizerInputs
{
    /// <summary>The number of optimised tensors, checked against the input and output counts.</summary>
    public static int Count(KernelContext context, int listsIn, int listsOut)
    {
        int variadic = context.InputCount - 2;
        if (variadic < listsIn || variadic % listsIn != 0)
            throw context.Error($"expected R, T and {listsIn} lists of equally many tensors, got {context.InputCount} inputs");
        int k = variadic / listsIn;
        if (context.OutputCount > listsOut * k) throw context.Error($"{context.OutputCount} outputs; at most {listsOut * k} for {k} optimised tensors");
        return k;
    }

    /// <summary>Reads R (float or double scalar) and T (int64 scalar).</summary>
    public static (double R, long T) Scalars(KernelContext context)
    {
        var r = context.Input(0);
        var t = context.Input(1);
        if (r.Length != 1 || r.Type is not (DataType.Float or DataType.Double)) throw context.Error("R must be a float or double scalar");
        if (t.Length != 1 || t.Type != DataType.Int64) throw context.Error("T must be an int64 scalar");
        return (KernelHelpers.GetDouble(r, 0), t.ReadOnlySpan<long>()[0]);
    }

    /// <summary>Checks that <paramref name="companion"/> fits <paramref name="x"/> (same type; same shape or one value).</summary>
    public static void Check(KernelContext context, Tensor x, Tensor companion)
    {
        if (x.Type is not (DataType.Float or DataType.Double)) throw context.Error($"'{x.Name}' must be float or double, not {DataTypeInfo.Name(x.Type)}");
        if (companion.Type != x.Type) throw context.Error($"'{companion.Name}' has type {DataTypeInfo.Name(companion.Type)}; '{x.Name}' has {DataTypeInfo.Name(x.Type)}");
        if (companion.Length != 1 && !companion.Shape.SequenceEqual(x.Shape))
            throw context.Error($"'{companion.Name}' shape {Tensor.ShapeText(companion.Shape)} does not fit '{x.Name}' {Tensor.ShapeText(x.Shape)}");
    }

    /// <summary>Element i of a companion (its only value when it holds one).</summary>
    public static T At<T>(ReadOnlySpan<T> values, int i) => values.Length == 1 ? values[0] : values[i];
}
