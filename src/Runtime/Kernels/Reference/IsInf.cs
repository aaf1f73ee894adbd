using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>IsInf: true where x is an infinity; attributes <c>detect_positive</c> and
/// <c>detect_negative</c> (both default 1) choose which.</summary>
public sealed class IsInf : Kernel
{
    private readonly bool _positive;
    private readonly bool _negative;

    private IsInf(bool positive, bool negative)
    {
        _positive = positive;
        _negative = negative;
    }

    public static Kernel Create(KernelInfo info)
        => new IsInf(info.Attributes.GetInt("detect_positive", 1) != 0, info.Attributes.GetInt("detect_negative", 1) != 0);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (!ElementConversion.IsFloatLike(x.Type)) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (floating point only)");
        y.Allocate(DataType.Bool, x.Shape);
        var d = y.Span<bool>();
        switch (x.Type)
        {
            case DataType.Float: { var s = x.ReadOnlySpan<float>(); for (int i = 0; i < d.Length; i++) d[i] = Test(s[i]); break; }
            case DataType.Double: { var s = x.ReadOnlySpan<double>(); for (int i = 0; i < d.Length; i++) d[i] = Test(s[i]); break; }
            case DataType.Float16: { var s = x.ReadOnlySpan<Half>(); for (int i = 0; i < d.Length; i++) d[i] = Test((double)s[i]); break; }
            default: for (int i = 0; i < d.Length; i++) d[i] = Test(ElementConversion.ReadSingle(x, i)); break;
        }
    }

    private bool Test(double v) => (_positive && double.IsPositiveInfinity(v)) || (_negative && double.IsNegativeInfinity(v));
}
