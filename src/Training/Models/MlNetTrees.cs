using EdgeML.Training.Explainability;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace EdgeML.Training.Models;

/// <summary>Reads the trees out of ML.NET tree ensembles (binary and regression) for exact TreeSHAP.</summary>
internal static class MlNetTrees
{
    public static IReadOnlyList<TreeStructure>? Extract(ITransformer transformer)
    {
        var model = transformer switch
        {
            ISingleFeaturePredictionTransformer<object> single => single.Model,
            _ => null,
        };
        var ensemble = model switch
        {
            TreeEnsembleModelParametersBasedOnRegressionTree t => t.TrainedTreeEnsemble,
            Microsoft.ML.Calibrators.CalibratedModelParametersBase<FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator> c => c.SubModel.TrainedTreeEnsemble,
            Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.LightGbm.LightGbmBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator> c => c.SubModel.TrainedTreeEnsemble,
            _ => null,
        };
        if (ensemble is null) return null;
        return ensemble.Trees.Select(tree =>
        {
            // ML.NET numbers internal nodes 0..n-2 and leaves by bitwise complement (~leaf) in the child arrays.
            var internalCount = tree.NumberOfNodes;
            var leafCount = tree.NumberOfLeaves;
            var total = internalCount + leafCount;
            int Map(int child) => child < 0 ? internalCount + ~child : child;
            var feature = new int[total];
            var threshold = new double[total];
            var left = new int[total];
            var right = new int[total];
            var value = new double[total];
            for (var i = 0; i < internalCount; i++)
            {
                feature[i] = tree.NumericalSplitFeatureIndexes[i];
                threshold[i] = tree.NumericalSplitThresholds[i];
                left[i] = Map(tree.LeftChild[i]);
                right[i] = Map(tree.RightChild[i]);
            }
            for (var l = 0; l < leafCount; l++)
            {
                feature[internalCount + l] = -1;
                value[internalCount + l] = tree.LeafValues[l];
            }
            if (internalCount == 0) { feature = [-1]; value = [tree.LeafValues[0]]; left = [-1]; right = [-1]; threshold = [0]; total = 1; }
            return new TreeStructure(feature, threshold, left, right, value, new double[total]);
        }).ToList();
    }
}
