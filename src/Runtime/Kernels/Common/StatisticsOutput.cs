using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Writes per-row statistics kept in double (a normalisation's saved mean or inverse
/// standard deviation) into an optional output of any float type.</summary>
public static class StatisticsOutput
{
    /// <summary>Allocates <paramref name="output"/> (when present) as <paramref name="type"/> with
    /// <paramref name="shape"/> and fills it from <paramref name="values"/>.</summary>
    public static void Write(Tensor? output, DataType type, ReadOnlySpan<long> shape, ReadOnlySpan<double> values)
    {
        if (output == null) return;
        output.Allocate(type, shape);
        switch (type)
        {
            case DataType.Float:
            {
                var s = output.Span<float>();
                for (int i = 0; i < s.Length; i++) s[i] = (float)values[i];
                break;
            }
            case DataType.Double:
                values[..(int)output.Length].CopyTo(output.Span<double>());
                break;
            case DataType.Float16:
            {
                var s = output.Span<Half>();
                for (int i = 0; i < s.Length; i++) s[i] = (Half)values[i];
                break;
            }
            case DataType.BFloat16:
            {
                var s = output.Span<ushort>();
                for (int i = 0; i < s.Length; i++) s[i] = BFloat16.FromSingle((float)values[i]);
                break;
            }
            default:
                throw new EdgeMLException($"'{output.Name}': statistics of type {DataTypeInfo.Name(type)} are not supported");
        }
    }

    /// <summary>The element type of a statistics output: the model's declared type, else float.</summary>
    public static DataType TypeOf(KernelInfo info, int output)
    {
        var t = info.OutputType(output);
        return t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16 ? t : DataType.Float;
    }
}
