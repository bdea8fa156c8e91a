/// <reference types="office-js" />
// The ribbon's function file. The only command opens the task pane (ShowTaskpane), which needs no
// code; Office still loads this page for the add-in's commands, so it must initialise Office.
void Office.onReady();
