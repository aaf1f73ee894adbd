using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The 'reduction' attribute of ScatterElements and ScatterND: how an update combines with
/// the element already at its target.</summary>
public enum ScatterReduction { None, Add, Mul, Max, Min }

/// <summary>Applies one scatter update with a reduction, for any element type the reduction allows.</summary>
public static class ScatterReductions
{
    public static ScatterReduction Parse(KernelInfo info)
    {
        return info.Attributes.GetString("reduction", "none") switch
        {
            "none" => ScatterReduction.None,
            "add" => ScatterReduction.Add,
            "mul" => ScatterReduction.Mul,
            "max" when info.Version >= 18 => ScatterReduction.Max,
            "min" when info.Version >= 18 => ScatterReduction.Min,
            var r => throw info.Error($"reduction '{r}' is not supported"),
        };
    }

    /// <summary>Checks that <paramref name="type"/> can be reduced with <paramref name="reduction"/>.</summary>
    public static bool Supports(ScatterReduction reduction, DataType type) => reduction == ScatterReduction.None
        || (type is not DataType.String and not DataType.Bool && Numbers.IsNumeric(type));

    /// <summary>Combines <paramref name="count"/> elements of <paramref name="updates"/> from
    /// <paramref name="srcIndex"/> into <paramref name="y"/> at <paramref name="dstIndex"/>.</summary>
    public static void Apply(ScatterReduction reduction, Tensor updates, long srcIndex, Tensor y, long dstIndex, long count)
    {
        if (reduction == ScatterReduction.None)
        {
            ElementCopy.Copy(updates, srcIndex, y, dstIndex, count);
            return;
        }
        int s = (int)srcIndex, d = (int)dstIndex, n = (int)count;
        switch (y.Type)
        {
            case DataType.Float: Run(reduction, updates.ReadOnlySpan<float>().Slice(s, n), y.Span<float>().Slice(d, n)); break;
            case DataType.Double: Run(reduction, updates.ReadOnlySpan<double>().Slice(s, n), y.Span<double>().Slice(d, n)); break;
            case DataType.Float16: Run(reduction, updates.ReadOnlySpan<Half>().Slice(s, n), y.Span<Half>().Slice(d, n)); break;
            case DataType.Int8: Run(reduction, updates.ReadOnlySpan<sbyte>().Slice(s, n), y.Span<sbyte>().Slice(d, n)); break;
            case DataType.Int16: Run(reduction, updates.ReadOnlySpan<short>().Slice(s, n), y.Span<short>().Slice(d, n)); break;
            case DataType.Int32: Run(reduction, updates.ReadOnlySpan<int>().Slice(s, n), y.Span<int>().Slice(d, n)); break;
            case DataType.Int64: Run(reduction, updates.ReadOnlySpan<long>().Slice(s, n), y.Span<long>().Slice(d, n)); break;
            case DataType.UInt8: Run(reduction, updates.ReadOnlySpan<byte>().Slice(s, n), y.Span<byte>().Slice(d, n)); break;
            case DataType.UInt16: Run(reduction, updates.ReadOnlySpan<ushort>().Slice(s, n), y.Span<ushort>().Slice(d, n)); break;
            case DataType.UInt32: Run(reduction, updates.ReadOnlySpan<uint>().Slice(s, n), y.Span<uint>().Slice(d, n)); break;
            case DataType.UInt64: Run(reduction, updates.ReadOnlySpan<ulong>().Slice(s, n), y.Span<ulong>().Slice(d, n)); break;
            case DataType.BFloat16:
                var us = updates.ReadOnlySpan<ushort>().Slice(s, n);
                var ys = y.Span<ushort>().Slice(d, n);
                for (int i = 0; i < n; i++) ys[i] = BFloat16.FromSingle(Combine(reduction, BFloat16.ToSingle(ys[i]), BFloat16.ToSingle(us[i])));
                break;
            default: throw new EdgeMLException($"reduction {reduction.ToString().ToLowerInvariant()} does not support {DataTypeInfo.Name(y.Type)}");
        }
    }

    private static void Run<T>(ScatterReduction reduction, ReadOnlySpan<T> u, Span<T> y) where T : INumber<T>
    {
        for (int i = 0; i < y.Length; i++) y[i] = Combine(reduction, y[i], u[i]);
    }

    private static T Combine<T>(ScatterReduction reduction, T a, T b) where T : INumber<T> => reduction switch
    {
        ScatterReduction.Add => a + b,
        ScatterReduction.Mul => a * b,
        ScatterReduction.Max => T.IsNaN(a) || T.IsNaN(b) ? a + b : (a >= b ? a : b),
        _ => T.IsNaN(a) || T.IsNaN(b) ? a + b : (a <= b ? a : b),
    };
}
