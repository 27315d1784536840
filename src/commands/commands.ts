/**
 * The ribbon's function file (FunctionFile in manifest.xml). Ribbon buttons of type
 * ExecuteFunction call the functions associated here; a later issue adds "Kiểm tra nhanh".
 * Today the only button opens the task pane, so the file just has to load cleanly.
 */

/** Completes a command that has nothing to do (keeps Office from showing a spinner forever). */
function noop(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    // Nothing to prepare yet.
  });
  // Office.actions exists only in hosts that support shared/associated commands.
  Office.actions?.associate('thiduaNoop', noop);
}
