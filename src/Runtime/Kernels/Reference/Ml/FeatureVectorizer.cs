using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml FeatureVectorizer (1): concatenates the inputs' rows into float [N, sum of
/// inputdimensions]; each input contributes inputdimensions[i] columns, cut or zero-padded.</summary>
public sealed class FeatureVectorizer : Kernel
{
    private readonly long[] _dimensions;
    private readonly int _total;

    private FeatureVectorizer(long[] dimensions)
    {
        _dimensions = dimensions;
        foreach (var d in dimensions) _total += (int)d;
    }

    public static Kernel Create(KernelInfo info)
    {
        var dims = info.Attributes.GetInts("inputdimensions", []);
        if (dims.Length != info.InputCount) throw info.Error($"inputdimensions has {dims.Length} values for {info.InputCount} inputs");
        foreach (var d in dims) if (d < 0) throw info.Error("inputdimensions must not be negative");
        return new FeatureVectorizer(dims);
    }

    public override void Execute(KernelContext context)
    {
        var first = context.Input(0);
        int rows = first.Rank <= 1 ? 1 : (int)first.Dim(0);
        var y = context.Output(0);
        Span<long> shape = [rows, _total];
        y.Allocate(DataType.Float, shape);
        var output = y.Span<float>();
        output.Clear();
        int offset = 0;
        for (int k = 0; k < _dimensions.Length; k++)
        {
            var x = context.Input(k);
            int width = x.Rank <= 1 ? (int)x.Length : (int)(x.Length / Math.Max(x.Dim(0), 1));
            int inputRows = x.Rank <= 1 ? 1 : (int)x.Dim(0);
            if (inputRows != rows) throw context.Error($"input {k} has {inputRows} rows; input 0 has {rows}");
            int take = Math.Min(width, (int)_dimensions[k]);
            for (int r = 0; r < rows; r++)
            {
                var o = output.Slice(r * _total + offset, take);
                int start = r * width;
                switch (x.Type)
                {
                    case DataType.Float: x.ReadOnlySpan<float>().Slice(start, take).CopyTo(o); break;
                    case DataType.Double: { var s = x.ReadOnlySpan<double>(); for (int i = 0; i < take; i++) o[i] = (float)s[start + i]; break; }
                    case DataType.Int64: { var s = x.ReadOnlySpan<long>(); for (int i = 0; i < take; i++) o[i] = s[start + i]; break; }
                    case DataType.Int32: { var s = x.ReadOnlySpan<int>(); for (int i = 0; i < take; i++) o[i] = s[start + i]; break; }
                    default: throw context.Error($"input {k} has type {DataTypeInfo.Name(x.Type)}; float, double, int64 or int32 are supported");
                }
            }
            offset += (int)_dimensions[k];
        }
    }
}
