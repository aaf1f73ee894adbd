using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceMean: the mean of the values (0 for none, as ONNX Runtime gives; integer types divide with truncation).</summary>
public readonly struct ReduceMeanOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return values.Length == 0 ? T.Zero : sum / T.CreateChecked(values.Length);
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return values.Length == 0 ? T.Zero : sum / T.CreateChecked(values.Length);
    }
}
