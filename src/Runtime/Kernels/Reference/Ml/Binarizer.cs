using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml Binarizer (1): 1 where the element is greater than threshold, else 0, in the
/// input's type (float, double, int64, int32).</summary>
public sealed class Binarizer : Kernel
{
    private readonly float _threshold;

    private Binarizer(float threshold) => _threshold = threshold;

    public static Kernel Create(KernelInfo info) => new Binarizer(info.Attributes.GetFloat("threshold", 0f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float:
            {
                var s = x.ReadOnlySpan<float>();
                var d = y.Span<float>();
                for (int i = 0; i < s.Length; i++) d[i] = s[i] > _threshold ? 1f : 0f;
                break;
            }
            case DataType.Double:
            {
                var s = x.ReadOnlySpan<double>();
                var d = y.Span<double>();
                for (int i = 0; i < s.Length; i++) d[i] = s[i] > _threshold ? 1 : 0;
                break;
            }
            case DataType.Int64:
            {
                var s = x.ReadOnlySpan<long>();
                var d = y.Span<long>();
                for (int i = 0; i < s.Length; i++) d[i] = s[i] > _threshold ? 1 : 0;
                break;
            }
            case DataType.Int32:
            {
                var s = x.ReadOnlySpan<int>();
                var d = y.Span<int>();
                for (int i = 0; i < s.Length; i++) d[i] = s[i] > _threshold ? 1 : 0;
                break;
            }
            default:
                throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported (float, double, int64, int32)");
        }
    }
}
