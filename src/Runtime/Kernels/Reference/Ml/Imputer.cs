using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml Imputer (1): replaces the elements equal to replaced_value_float (NaN
/// matching NaN) or replaced_value_int64 by imputed_value_floats / imputed_value_int64s (one value
/// for all features, or one per feature of the last axis).</summary>
public sealed class Imputer : Kernel
{
    private readonly float[] _floats;
    private readonly long[] _ints;
    private readonly float _replacedFloat;
    private readonly long _replacedInt;

    private Imputer(float[] floats, long[] ints, float replacedFloat, long replacedInt)
    {
        _floats = floats;
        _ints = ints;
        _replacedFloat = replacedFloat;
        _replacedInt = replacedInt;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var floats = a.GetFloats("imputed_value_floats", []);
        var ints = a.GetInts("imputed_value_int64s", []);
        if ((floats.Length == 0) == (ints.Length == 0)) throw info.Error("exactly one of imputed_value_floats and imputed_value_int64s must be given");
        return new Imputer(floats, ints, a.GetFloat("replaced_value_float", 0f), a.GetInt("replaced_value_int64", 0));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank == 0) throw context.Error("the input must have at least one dimension");
        int stride = (int)(x.Rank == 1 ? x.Dim(0) : x.Dim(1));
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        int n = (int)x.Length;
        switch (x.Type)
        {
            case DataType.Float:
            {
                var values = Values(_floats, stride, context);
                var s = x.ReadOnlySpan<float>();
                var d = y.Span<float>();
                bool nan = float.IsNaN(_replacedFloat);
                for (int i = 0; i < n; i++)
                {
                    float v = s[i];
                    d[i] = (nan && float.IsNaN(v)) || v == _replacedFloat ? values[values.Length == 1 ? 0 : i % stride] : v;
                }
                break;
            }
            case DataType.Double:
            {
                var values = Values(_floats, stride, context);
                var s = x.ReadOnlySpan<double>();
                var d = y.Span<double>();
                bool nan = float.IsNaN(_replacedFloat);
                for (int i = 0; i < n; i++)
                {
                    double v = s[i];
                    d[i] = (nan && double.IsNaN(v)) || v == _replacedFloat ? values[values.Length == 1 ? 0 : i % stride] : v;
                }
                break;
            }
            case DataType.Int64:
            {
                var values = Values(_ints, stride, context);
                var s = x.ReadOnlySpan<long>();
                var d = y.Span<long>();
                for (int i = 0; i < n; i++) d[i] = s[i] == _replacedInt ? values[values.Length == 1 ? 0 : i % stride] : s[i];
                break;
            }
            case DataType.Int32:
            {
                var values = Values(_ints, stride, context);
                var s = x.ReadOnlySpan<int>();
                var d = y.Span<int>();
                for (int i = 0; i < n; i++) d[i] = s[i] == _replacedInt ? (int)values[values.Length == 1 ? 0 : i % stride] : s[i];
                break;
            }
            default:
                throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported (float, double, int64, int32)");
        }
    }

    /// <summary>ONNX Runtime uses the per-feature values when there is one per feature and the first
    /// value for every element otherwise.</summary>
    private static T[] Values<T>(T[] values, int stride, KernelContext context)
    {
        if (values.Length == 0) throw context.Error("no imputed values of the input's kind (floats for float inputs, int64s for integers)");
        return values.Length == stride ? values : values.Length == 1 ? values : throw context.Error($"{values.Length} imputed values for {stride} features");
    }
}
