// The visitor's pages work without this script; it previews and shrinks the photo before it is sent to the face
// endpoint (PUT /visits/{id}/face), and reloads a page that waits for the host's decision now and then.
(function () {
  'use strict';
  var waiting = document.getElementById('refresh');
  if (waiting) {
    setTimeout(function () { location.reload(); }, Number(waiting.dataset.refresh) * 1000);
  }
  var form = document.getElementById('photo-form');
  if (!form || !window.fetch || !window.URL) {
    return;
  }
  var input = document.getElementById('photo');
  var preview = document.getElementById('photo-preview');
  var status = document.getElementById('photo-status');
  input.addEventListener('change', function () {
    var file = input.files[0];
    preview.hidden = !file;
    if (file) {
      preview.src = URL.createObjectURL(file);
    }
  });
  // a phone camera's photo is often larger than the 2 MB the endpoint takes: 1024 px are enough for a gate
  function shrink(file) {
    return new Promise(function (resolve) {
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(1, 1024 / Math.max(image.naturalWidth, image.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
        canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) { resolve(blob || file); }, 'image/jpeg', 0.9);
      };
      image.onerror = function () { resolve(file); };
      image.src = URL.createObjectURL(file);
    });
  }
  form.addEventListener('submit', function (event) {
    var file = input.files[0];
    if (!file) {
      return;
    }
    event.preventDefault();
    status.textContent = form.dataset.uploading;
    shrink(file).then(function (body) {
      return fetch('/visits/' + form.dataset.visit + '/face', {
        method: 'PUT', body: body,
        headers: { 'X-Visitor-Token': form.dataset.token, 'Content-Type': body.type || 'application/octet-stream' }
      });
    }).then(function (response) {
      if (response.status === 204) {
        location.replace(form.dataset.done);
        return;
      }
      status.textContent = response.status === 413 ? form.dataset.tooLarge : form.dataset.failed;
    }).catch(function () {
      status.textContent = form.dataset.failed;
    });
  });
})();
