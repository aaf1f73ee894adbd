using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LSTM (opsets 1, 7, 14, 22): one long short-term memory layer, forward, reverse or bidirectional,
/// with optional bias, sequence lengths, initial hidden and cell states, peepholes, cell clip,
/// coupled input and forget gates (input_forget), any activation functions and either layout.
/// Gate order in W, R and B is i, o, f, c; peepholes are i, o, f. Per step and batch entry:
/// <code>
/// i = f(Xt·Wiᵀ + Ht-1·Riᵀ + Pi⊙Ct-1 + Wbi + Rbi)      f = f(... Pf⊙Ct-1 ...)  (1 - i when input_forget)
/// c = g(Xt·Wcᵀ + Ht-1·Rcᵀ + Wbc + Rbc)               Ct = f⊙Ct-1 + i⊙c
/// o = f(Xt·Woᵀ + Ht-1·Roᵀ + Po⊙Ct + Wbo + Rbo)        Ht = o⊙h(Ct)
/// </code>
/// The clip bounds every gate's pre-activation. Past a batch entry's sequence length Y is 0 and
/// its states stop changing.
/// </summary>
public sealed class LSTM : RecurrentKernel
{
    private readonly bool _inputForget;

    private LSTM(KernelInfo info) : base(info, gates: 4, ["Sigmoid", "Tanh", "Tanh"], hasCellState: true)
        => _inputForget = info.Attributes.GetInt("input_forget", 0) != 0;

    public static Kernel Create(KernelInfo info) => new LSTM(info);

    protected override void Compute<T>(RecurrentShape s, RecurrentData<T> data)
    {
        int hidden = s.Hidden, input = s.Input;
        var gates = Scratch<T>(11, 4 * hidden);
        for (int d = 0; d < s.Directions; d++)
        {
            var w = data.W.Slice(d * 4 * hidden * input, 4 * hidden * input);
            var r = data.R.Slice(d * 4 * hidden * hidden, 4 * hidden * hidden);
            var bias = data.B.IsEmpty ? default : data.B.Slice(d * 8 * hidden, 8 * hidden);
            var peep = data.P.IsEmpty ? default : data.P.Slice(d * 3 * hidden, 3 * hidden);
            var f = Activations[3 * d];
            var g = Activations[3 * d + 1];
            var h = Activations[3 * d + 2];
            bool reverse = IsReverse(d);
            for (int step = 0; step < s.Sequence; step++)
            {
                for (int b = 0; b < s.Batch; b++)
                {
                    int length = data.Lengths[b];
                    if (step >= length) continue;
                    int t = reverse ? length - 1 - step : step;
                    var x = data.X.Slice(s.XRow(t, b), input);
                    var ht = data.H.Slice(s.StateRow(d, b), hidden);
                    var ct = data.C.Slice(s.StateRow(d, b), hidden);

                    // Pre-activations of the four gates: X·Wᵀ + H·Rᵀ + Wb + Rb.
                    for (int j = 0; j < 4 * hidden; j++)
                    {
                        T sum = Dot(x, w.Slice(j * input, input)) + Dot<T>(ht, r.Slice(j * hidden, hidden));
                        if (!bias.IsEmpty) sum += bias[j] + bias[4 * hidden + j];
                        gates[j] = sum;
                    }

                    for (int k = 0; k < hidden; k++)
                    {
                        T cPrev = ct[k];
                        T ig = gates[k];
                        if (!peep.IsEmpty) ig += peep[k] * cPrev;
                        ig = f.Apply(ClipValue(ig));
                        T fg;
                        if (_inputForget)
                        {
                            fg = T.One - ig;
                        }
                        else
                        {
                            fg = gates[2 * hidden + k];
                            if (!peep.IsEmpty) fg += peep[2 * hidden + k] * cPrev;
                            fg = f.Apply(ClipValue(fg));
                        }
                        T cg = g.Apply(ClipValue(gates[3 * hidden + k]));
                        T cNew = fg * cPrev + ig * cg;
                        T og = gates[hidden + k];
                        if (!peep.IsEmpty) og += peep[hidden + k] * cNew;
                        og = f.Apply(ClipValue(og));
                        ct[k] = cNew;
                        ht[k] = og * h.Apply(cNew);
                    }
                    if (!data.Y.IsEmpty) ht.CopyTo(data.Y.Slice(s.YRow(t, d, b), hidden));
                }
            }
        }
    }
}
