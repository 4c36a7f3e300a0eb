chrome.runtime.sendMessage({ type: 'wake' }).catch(() => {});
