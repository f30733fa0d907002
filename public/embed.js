/*
 * Eventual Consistency Lab: size every lab iframe on this page to its content.
 * Include once, anywhere on the page:  <script src="https://your.host/ec-lab/embed.js" defer></script>
 * Each lab opened with &embed=1 posts { type: 'ec-lab:resized', version: 1, height } to its
 * parent when its height changes; this sets the height of the iframe that sent it. No
 * dependencies, no globals, nothing sent anywhere. MIT licensed, like the lab.
 */
/* global window, document */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'ec-lab:resized' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      // Only the frame that sent the message, found by its window: never by a name it chose.
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 20000) + 'px';
        return;
      }
    }
  });
})();
