namespace EdgeML.Training;
