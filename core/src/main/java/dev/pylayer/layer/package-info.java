/**
 * Writing wheels into a deterministic Lambda layer zip, as {@code pip install --target
 * python/lib/pythonX.Y/site-packages} would lay them out, without Python: {@link dev.pylayer.layer.LayerPlan}
 * decides where every file goes (the install scheme, scripts, generated INSTALLER/REQUESTED/RECORD files,
 * conflicts between wheels) from the wheels' central directories, without what a {@link dev.pylayer.layer.LayerTrim}
 * leaves out (whole distributions, {@link dev.pylayer.layer.PathGlob} excludes, {@code --slim}, {@code .pyi} stubs;
 * RECORD lists only what is kept); {@link dev.pylayer.layer.LayerBudget} checks
 * the plan against Lambda's size limits before a byte is written; {@link dev.pylayer.layer.LayerZipWriter}
 * streams the zip, copying deflated entries raw, to a temporary file renamed into place on success.
 * Like pypa/installer's {@code destinations.py}; this package never knows where the wheels came from.
 */
package dev.pylayer.layer;
