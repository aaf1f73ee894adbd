return EdgeML.Device.DeviceApp.Run(args);
