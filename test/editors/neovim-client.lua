-- Drives Neovim's built-in LSP client (vim.lsp, Neovim 0.7+) headless against
-- `route lsp --stdio`: opens a file, waits for pushed diagnostics, then asks
-- for hover, completion, definition and formatting. Writes what arrived as
-- JSON to $ROUTE_OUT and quits. Run by test/editors/neovim.test.ts.
local out = { errors = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("ROUTE_OUT"))
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  local file = os.getenv("ROUTE_FILE")
  vim.cmd("edit " .. file)
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "route",
    cmd = { "node", os.getenv("ROUTE_BIN"), "lsp", "--stdio" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, { line = d.lnum, message = d.message, severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}
    for _, response in pairs(responses) do
      if response.err then table.insert(out.errors, method .. ": " .. vim.inspect(response.err)) end
      return response.result
    end
  end
  local function at(line, character) return { textDocument = { uri = uri }, position = { line = line, character = character } } end

  -- Lines are 0-based: line 12 is `    when region is EMEA`, line 13 `    assign to team emea_sales`.
  local hover = request("textDocument/hover", at(12, 10))
  out.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  local completion = request("textDocument/completion", at(12, 19))
  out.completion = {}
  for _, item in ipairs((completion and (completion.items or completion)) or {}) do table.insert(out.completion, item.label) end
  local definition = request("textDocument/definition", at(13, 20))
  out.definition = definition or vim.NIL
  local formatting = request("textDocument/formatting", { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } })
  out.formatting = formatting or vim.NIL
  out.nvim = vim.version()
end)
if not ok then table.insert(out.errors, tostring(err)) end
finish()
